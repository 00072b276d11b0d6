/**
 * Class marker shapes, drawn the same way in HTML (inline SVG) and on canvas, so a class is
 * recognisable by shape wherever it appears.
 */
import { html, svg, type TemplateResult } from 'lit';
import { classColor, classColorVar, classShape, type MarkerShape } from './palette';
import { ROLE_STYLES, type Role, seriesLine } from './series';

/** Shape outline in a 20 × 20 box centred at (10, 10), radius ~7. */
function shapeSvg(shape: MarkerShape): TemplateResult {
  switch (shape) {
    case 'circle':
      return svg`<circle cx="10" cy="10" r="7" />`;
    case 'square':
      return svg`<rect x="3.5" y="3.5" width="13" height="13" />`;
    case 'triangle':
      return svg`<polygon points="10,2.5 17.5,16.5 2.5,16.5" />`;
    case 'diamond':
      return svg`<polygon points="10,2 18,10 10,18 2,10" />`;
    case 'cross':
      return svg`<polygon points="7,2 13,2 13,7 18,7 18,13 13,13 13,18 7,18 7,13 2,13 2,7 7,7" />`;
  }
}

/** A class's swatch: its marker shape filled with its colour, dark outline. Decorative. */
export function classMarker(index: number, size = 20): TemplateResult {
  const fill = `var(${classColorVar(index)}, ${classColor(index)})`;
  return html`<svg class="marker" width=${size} height=${size} viewBox="0 0 20 20" aria-hidden="true"
    style="fill:${fill};stroke:var(--distill-marker-outline, #1b1b1f);stroke-width:1.5;stroke-linejoin:round">${shapeSvg(
      classShape(index),
    )}</svg>`;
}

/** A short line sample in a role's colour and dash, for chart legends. Decorative. */
export function roleLine(role: Role, width = 36): TemplateResult {
  return seriesLine(ROLE_STYLES[role], width);
}

/** Traces a marker of `shape` centred at (x, y) with radius r as the current canvas path. */
export function traceMarker(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square': {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
      break;
    }
    case 'triangle': {
      const s = r * 1.15;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s * 0.95, y + s * 0.75);
      ctx.lineTo(x - s * 0.95, y + s * 0.75);
      ctx.closePath();
      break;
    }
    case 'diamond': {
      const s = r * 1.2;
      ctx.moveTo(x, y - s);
      ctx.lineTo(x + s, y);
      ctx.lineTo(x, y + s);
      ctx.lineTo(x - s, y);
      ctx.closePath();
      break;
    }
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.38;
      ctx.moveTo(x - b, y - a);
      ctx.lineTo(x + b, y - a);
      ctx.lineTo(x + b, y - b);
      ctx.lineTo(x + a, y - b);
      ctx.lineTo(x + a, y + b);
      ctx.lineTo(x + b, y + b);
      ctx.lineTo(x + b, y + a);
      ctx.lineTo(x - b, y + a);
      ctx.lineTo(x - b, y + b);
      ctx.lineTo(x - a, y + b);
      ctx.lineTo(x - a, y - b);
      ctx.lineTo(x - b, y - b);
      ctx.closePath();
      break;
    }
  }
}
