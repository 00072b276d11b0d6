/**
 * Drawing the cart and pole on a canvas: the track with its ±2.4 m limits, the cart at x, the
 * pole (1 m, twice the half-length) at θ, and two arrows — the student's push (solid, below the
 * cart) and the teacher's choice (dashed outline, above it), so the two differ by shape as well as
 * colour. DOM only through the 2-D context it is handed.
 */
import { HALF_LENGTH, THETA_LIMIT, X_LIMIT } from '../../shared/env';

export interface StageColors {
  student: string;
  teacher: string;
  ink: string;
  muted: string;
  danger: string;
}

export interface StageScene {
  x: number;
  theta: number;
  studentAction: number;
  teacherChoice: number;
  ended: boolean;
  failed: boolean;
}

const CART_W = 0.5;
const CART_H = 0.28;

export function drawStage(ctx: CanvasRenderingContext2D, width: number, height: number, scene: StageScene, colors: StageColors): void {
  ctx.clearRect(0, 0, width, height);
  const margin = 24;
  const scale = (width - 2 * margin) / (2 * X_LIMIT + CART_W);
  const cx = (x: number) => width / 2 + x * scale;
  const trackY = height - 46;

  // Track and its failure limits.
  ctx.lineWidth = 2;
  ctx.strokeStyle = colors.muted;
  ctx.beginPath();
  ctx.moveTo(margin / 2, trackY);
  ctx.lineTo(width - margin / 2, trackY);
  ctx.stroke();
  ctx.setLineDash([4, 4]);
  for (const limit of [-X_LIMIT, X_LIMIT]) {
    ctx.beginPath();
    ctx.moveTo(cx(limit), trackY + 10);
    ctx.lineTo(cx(limit), trackY - 2.2 * HALF_LENGTH * 2 * scale * 0.55);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Cart.
  const cartX = cx(scene.x);
  const cartTop = trackY - CART_H * scale;
  ctx.fillStyle = colors.ink;
  ctx.fillRect(cartX - (CART_W / 2) * scale, cartTop, CART_W * scale, CART_H * scale);

  // Pole: red once past the 12° limit.
  const poleLength = 2 * HALF_LENGTH * scale;
  const over = Math.abs(scene.theta) > THETA_LIMIT;
  ctx.strokeStyle = over || scene.failed ? colors.danger : colors.muted;
  ctx.lineWidth = 8;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(cartX, cartTop);
  ctx.lineTo(cartX + Math.sin(scene.theta) * poleLength, cartTop - Math.cos(scene.theta) * poleLength);
  ctx.stroke();
  ctx.lineCap = 'butt';

  if (scene.ended) return;
  arrow(ctx, cartX, trackY + 24, scene.studentAction, scale, colors.student, false);
  // From the cart's side, so it never crosses the pole.
  const side = (scene.teacherChoice === 1 ? 1 : -1) * (CART_W / 2) * scale;
  arrow(ctx, cartX + side, cartTop + (CART_H / 2) * scale, scene.teacherChoice, scale * 0.8, colors.teacher, true);
}

/** A horizontal arrow from (x, y) towards the pushed side; `outline` draws it dashed and hollow. */
function arrow(ctx: CanvasRenderingContext2D, x: number, y: number, action: number, scale: number, color: string, outline: boolean): void {
  const dir = action === 1 ? 1 : -1;
  const len = 0.45 * scale;
  const head = 12;
  const tip = x + dir * len;
  ctx.beginPath();
  ctx.moveTo(x, y - 4);
  ctx.lineTo(tip - dir * head, y - 4);
  ctx.lineTo(tip - dir * head, y - 10);
  ctx.lineTo(tip, y);
  ctx.lineTo(tip - dir * head, y + 10);
  ctx.lineTo(tip - dir * head, y + 4);
  ctx.lineTo(x, y + 4);
  ctx.closePath();
  if (outline) {
    ctx.setLineDash([5, 3]);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = color;
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = color;
    ctx.fill();
  }
}
