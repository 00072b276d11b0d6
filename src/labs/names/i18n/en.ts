/**
 * The names lab's own strings, in English: its panel, controls, views and curves. The page's
 * shared strings are in src/i18n/en.ts; a translation of this lab is one more file of this shape
 * (`NamesMessages`), set with `setNamesMessages`.
 */
import type { MissingMass, NamesAccess } from '../shared/schema';

export const namesEn = {
  title: 'Names: distilling through an API',

  gain: {
    noDataOnly: 'Add a student with \u201cthe data only\u201d (Students) to see what the teacher\u2019s answers add.',
    beforeFirstStep: 'Press Play: the difference shows here after the first validation pass.',
    nats: (value: string): string => `${value} nats/char`,
    nllLabel: (student: string, dataOnly: string): string => `validation NLL: ${student} against ${dataOnly}`,
    nllDetail: (student: string, dataOnly: string): string => `${student} vs ${dataOnly}`,
    lookFor:
      'the validation NLL curves: the student given the teacher\u2019s full distribution falls furthest below the data-only one; top-k with the missing mass spread comes close; sampled names alone help least (npm run bench:api, seeds 1\u20133: 2.216, 2.282, 2.379 data only, 2.438 sampled text).',
    whyBehind: {
      text: 'a student that only reads names the teacher wrote learns the teacher\u2019s habits, mistakes included, from one sample per query: with this few queries that is less than the real names give.',
      renormalised:
        'renormalised top-k puts all the probability on the teacher\u2019s top k, so the student learns that every other letter is impossible, and the true next letter is outside the top 5 at about 23 % of positions.',
      early: 'in the first steps every student is still near uniform; give it a hundred steps.',
      noise: 'differences this small go either way from seed to seed.',
    },
  },

  access: {
    full: 'Full distribution',
    topk: 'Top-k log-probabilities',
    text: 'Sampled text only',
    data: 'The data only (no teacher)',
  } satisfies Record<NamesAccess, string>,
  accessShort: (access: NamesAccess, k: number): string =>
    ({ full: 'full', topk: `top-${k}`, text: 'text', data: 'data only' })[access],
  accessHelp: {
    full: 'The teacher\u2019s whole next-character distribution at every position of each training name (token-level KD, loss T\u00b2 \u00b7 KL at temperature T).',
    topk: 'Only the k most likely characters and their log-probabilities at every position, as chat APIs return them (OpenAI and Gemini cap k at 20).',
    text: 'Only names the teacher writes at the sampling temperature; the student learns them with cross-entropy (sequence-level KD, Kim & Rush 2016).',
    data: 'No teacher: the student learns the training names with cross-entropy. The baseline every other student is measured against.',
  } satisfies Record<NamesAccess, string>,
  missingMass: {
    spread: 'Spread evenly over the hidden characters',
    renormalise: 'Renormalise the top-k (biased)',
  } satisfies Record<MissingMass, string>,
  missingMassHelp:
    'The API tells you the top-k probabilities, so you know how much is missing (1 \u2212 their sum) but not where it goes. Spreading it evenly claims nothing the API did not say; renormalising the top-k drops it, which makes the student over-confident in the teacher\u2019s favourites (Anshumann et al. 2025 measure this bias).',

  panel: {
    summary: (p: { teacherArchitecture: string; teacherParameters: string; teacherNll: string; bigramNll: string; studentParameters: string; ratio: string; corpus: string }): string =>
      `Teacher: ${p.teacherArchitecture} (${p.teacherParameters} parameters, validation NLL ${p.teacherNll} per character; bigram ${p.bigramNll}). Each student: ${p.studentParameters} parameters, ${p.ratio}\u00d7 smaller. Corpus: ${p.corpus}.`,
    chartTitle: 'Validation loss and distance to the teacher',
    legend: 'Models',
    corpus: (train: string, validation: string, test: string): string => `${train} training, ${validation} validation and ${test} test first names (stdlib’s English lists)`,
    prefixTitle: 'Next character after a prefix',
    streamTitle: 'Names each model writes',
    meterTitle: 'What the teacher gave away, and what it cost',
  },

  controls: {
    studentsTitle: 'Students (up to three, side by side on the same names)',
    student: (i: number): string => `Student ${i + 1}`,
    access: 'Teacher access',
    k: 'k',
    kHelp: 'How many top log-probabilities the API returns at each position (1\u201320).',
    addStudent: 'Add a student',
    removeStudent: (i: number): string => `Remove student ${i + 1}`,
    remove: 'Remove',
    shapeTitle: 'Student shape (all students)',
    embed: 'Embedding width',
    hidden: 'Hidden units',
    shapeHelp: (context: number): string => `Each student reads the last ${context} characters, embeds each, then one tanh layer. Changing the shape starts a new run.`,
    temperature: 'KD temperature T',
    temperatureHelp: 'Softens the full or top-k targets; the loss is scaled by T\u00b2.',
    samplingTemperature: 'Teacher\u2019s sampling temperature',
    samplingHelp: 'How adventurous the names are that the teacher writes for a \u201csampled text\u201d student.',
    streamTemperature: 'Stream temperature',
    streamHelp: 'The temperature at which every model writes the names shown below.',
    learningRate: 'Learning rate',
    batchSize: 'Names per step',
    missingMass: 'Missing top-k mass',
    price: 'Price, $ per million tokens',
    priceHelp:
      'Default: OpenAI\u2019s API price list (openai.com/api/pricing), gpt-4o-mini output tokens, $0.60 per million, as listed from 18 July 2024. One character counts as one token here; a real tokenizer merges letters.',
    seed: 'Seed',
    budget: 'Teacher queries per student',
    budgetOption: (n: number): string => (n === 0 ? 'No limit' : `${n.toLocaleString('en-US')} names`),
    budgetHelp:
      'With a budget, every student works from the same first names of the run: the scoring and data-only students train on them again and again, a sampled-text student on the names it has bought. The comparison npm run bench:api makes.',
  },

  prefix: {
    label: 'Prefix',
    placeholder: 'e.g. mar',
    help: 'Type the start of a name: the bars show what each model predicts next (the teacher\u2019s top 10 and the rest).',
    rows: 'The upper row is softened at the KD temperature T, what a full-distribution student is trained to match; the lower is at T = 1 (the two are the same while T = 1).',
    invalid: 'Letters a\u2013z only, up to 15: the prefix was not changed.',
    start: '(start of a name)',
    end: 'end',
    window: (context: number, seen: string): string => `Every model reads only the last ${context} characters: \u201c${seen}\u201d.`,
    rest: 'the rest',
    showing: (prefix: string): string => (prefix ? `After \u201c${prefix}\u201d` : 'At the start of a name'),
  },

  stream: {
    caption: (tau: string): string => `Samples at temperature ${tau}; \u201cin training\u201d, \u201cheld out\u201d and \u201cnew\u201d are shares of the latest 64 (the teacher\u2019s: of 256).`,
    waiting: 'Samples appear after the first evaluation.',
    shares: (train: string, heldOut: string, fresh: string): string => `${train} in training \u00b7 ${heldOut} held out \u00b7 ${fresh} new`,
    inTrain: 'in the training list',
    inHeldOut: 'in the held-out lists',
    isNew: 'new',
  },

  meter: {
    model: 'Student',
    queries: 'Teacher queries',
    tokens: 'Tokens scored or generated',
    bill: 'Simulated bill',
    nll: 'Validation NLL per character',
    perplexity: (ppl: string): string => `perplexity ${ppl}`,
    kl: 'KL to the teacher',
    perNll: 'Bill per nat gained over the bigram',
    none: 'no queries',
    note: 'A query is one name, scored (full or top-k answers at each position) or generated. Answers are cached: a name scored once is never paid for again.',
    caption: 'Teacher queries and simulated cost per student',
    priceLine: (price: string): string => `Price: ${price} per million tokens (default: OpenAI API price list, gpt-4o-mini output tokens, $0.60 per million since 18 July 2024).`,
  },

  lossChart: {
    nll: 'Validation NLL, nats per character (and perplexity, ppl)',
    kl: 'KL(teacher \u2016 student) on validation prefixes, nats per character',
    perplexity: 'Validation perplexity',
    perplexityShort: 'ppl',
    known: 'Sampled names found in the training list',
    train: 'Training loss (last batch), nats',
    trainNote: 'Full and top-k: T\u00b2 \u00b7 KL to the targets; sampled text and data only: cross-entropy.',
    stepAxis: 'Step',
    chartLabel: (title: string): string => `Chart: ${title} against training step`,
    teacher: 'Teacher',
    bigram: 'Bigram baseline',
  },
};

export type NamesMessages = typeof namesEn;
