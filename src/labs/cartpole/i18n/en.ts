/**
 * The CartPole lab's strings in English. Components read them through `cartpoleMsg`
 * (./index), never as literals; a translation is one more file of this shape.
 */
export const cartpoleEn = {
  title: 'CartPole policy',

  roles: {
    teacher: 'Teacher',
    distilled: 'Distilled',
    rewardOnly: 'Reward only',
  },
  roleDescriptions: {
    teacher: 'Teacher policy (frozen, trained beforehand)',
    distilled: 'Distilled student (learns the teacher’s action distribution)',
    rewardOnly: 'Reward-only student (REINFORCE with a baseline, no teacher)',
  },
  actions: ['Left', 'Right'] as readonly string[],
  actionTitles: ['push left', 'push right'] as readonly string[],
  /** The direction as it reads inside a sentence ("pushes left"). */
  actionWords: ['left', 'right'] as readonly string[],

  controls: {
    groups: { student: 'Student', distillation: 'Distillation', environment: 'Environment' },
    states: 'States the distilled student learns on',
    statesHelp:
      'Its own (on-policy, DAgger-style: the teacher labels the states the student gets itself into) or the teacher’s (the student imitates the teacher driving; its own episodes are then only measured).',
    stateNames: { student: 'the student’s own (on-policy)', teacher: 'the teacher’s' } as Record<string, string>,
    temperatureHelp: 'Both policies’ logits are divided by T before the KL; the loss is scaled by T². Above 1 softens, below 1 sharpens.',
    learningRateHelp: 'One learning rate for both students, so only what they learn from differs.',
    batchSize: 'Steps per update',
    batchSizeHelp: (environments: number): string =>
      `Environment steps each student takes (over its ${environments} environments) between two updates.`,
    seedHelp: 'Picks the students’ first weights (the same for both), the environments’ start states and the action draws.',
    unitsHelp: 'Neurons per hidden layer (2–64). The teacher has two layers of 32.',
    shape: (hidden: readonly number[]): string => ['4', ...hidden.map(String), '2'].join(' → '),
  },

  gain: {
    beforeEpisodes: 'Press Play: the difference shows here once both students have finished episodes.',
    returnGain: (value: string): string => `${value} return`,
    returnLabel: 'distilled against reward only',
    returnDetail: (distilled: string, rewardOnly: string, episodes: string): string =>
      `mean of the last ${episodes} episodes: ${distilled} vs ${rewardOnly}`,
    solvedAt: (steps: string): string => `solved at ${steps}`,
    notYet: 'not solved yet',
    notYetShort: 'not yet',
    solvedLabel: 'environment steps (mean 475 over 100 episodes)',
    solvedDetail: (rewardOnly: string): string => `reward only: ${rewardOnly}`,
    lookFor:
      'the learning curves: the distilled student copies the teacher\u2019s choices and climbs to 500 in about 50,000 environment steps; the reward-only one learns from the score alone and needs 65,000 to more than 150,000 (npm run bench:policy, seeds 1\u20135).',
    whyEarly:
      'in its first episodes the distilled student is still matching the teacher on the few states it has visited; it pulls ahead within a few thousand environment steps.',
    whyHighT:
      'at a high T the teacher\u2019s softened choices are close to a coin toss, so the student learns little about which push matters; try T = 1.',
    whyNoise: 'episode returns vary a lot from one episode to the next; the mean over 100 settles it.',
  },

  panel: {
    summary: (p: { teacher: string; teacherParameters: string; reached: string; episodes: string; trainingSteps: string; student: string; studentParameters: string; ratio: string }): string =>
      `Teacher ${p.teacher} (${p.teacherParameters} parameters; reached the 500-step cap in ${p.reached} of ${p.episodes} seeded episodes; trained in ${p.trainingSteps} environment steps). Students ${p.student} (${p.studentParameters} parameters each, ${p.ratio}× smaller), same first weights, same environment seeds.`,
    stageTitle: 'The student at the wheel',
    stageHint:
      'One episode at a time, played on this page by the student with the weights it has when the episode starts. The arrows show its push and the push the teacher would choose in the same state; the bars, both policies’ probabilities.',
    scoreTitle: 'Episode returns so far',
    chartTitle: 'Learning curves',
    chartHint:
      'Over environment steps (each student takes the same number). CartPole-v1 counts as solved at a mean return of 475 over 100 episodes.',
  },

  stage: {
    student: 'Student shown',
    studentHelp: 'Which student plays the episodes below.',
    speed: 'Replay speed',
    speedHelp: 'Real time is 50 steps per second (τ = 0.02 s); slow is 4, readable step by step.',
    speeds: { live: 'Real time', slow: 'Slow' } as Record<string, string>,
    slowEpisode: 'Play one episode slowly',
    slowEpisodeHelp: 'Starts a fresh episode at slow speed and stops at its end.',
    pause: 'Pause replay',
    resume: 'Resume replay',
    stepOnce: 'Next state',
    waiting: 'The student appears once the run has started.',
    canvasLabel: (x: string, angle: string, step: string): string => `Cart at ${x} m, pole at ${angle}°, step ${step}.`,
    stepLine: (step: string, seed: string): string => `Step ${step} of at most 500 · episode seed ${seed}`,
    studentChoice: (who: string, action: string, p: string): string => `${who} pushes ${action} (p = ${p})`,
    teacherChoice: (action: string, p: string): string => `Teacher would push ${action} (p = ${p})`,
    agree: 'they agree',
    disagree: 'they disagree',
    agreement: (share: string): string => `Agreed on ${share} of this episode’s states so far.`,
    ended: (returned: string, failed: boolean): string =>
      failed ? `Episode over: the pole fell or the cart left the track after ${returned} steps.` : `Episode over: held for all ${returned} steps.`,
    stopped: 'Stopped at the end of the slow episode.',
    barsCaptionAtT: (t: string): string => `Action probabilities at T = ${t}`,
    barsCaptionAt1: 'Action probabilities at T = 1',
    state: (x: string, v: string, angle: string, w: string): string => `x = ${x} m · ẋ = ${v} m/s · θ = ${angle}° · θ̇ = ${w} rad/s`,
  },

  score: {
    header: { student: 'Student', episodes: 'Episodes', last: 'Last return', mean: 'Mean of last 100', solved: 'Mean ≥ 475 after', kl: 'KL to teacher' },
    notYet: 'not yet',
    steps: (n: string): string => `${n} steps`,
    caption: 'Each student’s own episodes (the returns of the episodes it played itself).',
  },

  chart: {
    stepAxis: 'Environment steps',
    meanReturn: 'Mean return (last 100 episodes)',
    lastReturn: 'Last episode return',
    kl: 'KL(teacher ‖ student), training states',
    loss: 'Training loss of the distilled student (T\u00b2 \u00b7 KL on its last update), nats',
    chartLabel: (title: string): string => `${title} over environment steps`,
  },
};

export type CartpoleMessages = typeof cartpoleEn;
