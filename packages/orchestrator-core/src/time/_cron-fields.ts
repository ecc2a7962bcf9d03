import { fail, ok, type Result } from '../result';

/** One parsed cron field: the values it matches, ascending, without duplicates. */
export interface CronField {
  readonly values: readonly number[];
  /**
   * Whether the field was written starting with `*`, bare or with a step. Vixie cron, which most
   * schedulers follow, ORs day-of-month with day-of-week only when neither starts with `*`.
   */
  readonly star: boolean;
}

/** The five fields of a standard cron expression. Day-of-week uses 0-6, Sunday 0. */
export interface CronFields {
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
}

interface FieldSpec {
  readonly key: keyof CronFields;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  /** Names accepted in place of numbers; the first stands for `min`. */
  readonly names: readonly string[];
}

const MONTH_NAMES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELD_SPECS: readonly FieldSpec[] = [
  { key: 'minute', label: 'minute', min: 0, max: 59, names: [] },
  { key: 'hour', label: 'hour', min: 0, max: 23, names: [] },
  { key: 'dayOfMonth', label: 'day-of-month', min: 1, max: 31, names: [] },
  { key: 'month', label: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 7 is accepted as a second Sunday and folded into 0 after parsing.
  { key: 'dayOfWeek', label: 'day-of-week', min: 0, max: 7, names: WEEKDAY_NAMES },
];

/** How many distinct values each field can hold once day-of-week 7 is folded into 0. */
const FIELD_SIZES: Readonly<Record<keyof CronFields, number>> = {
  minute: 60,
  hour: 24,
  dayOfMonth: 31,
  month: 12,
  dayOfWeek: 7,
};

const ITEM = /^(?:(\*)|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:\/(\d+))?$/i;

function parseValue(token: string, spec: FieldSpec): number | string {
  const where = `cron: field "${spec.label}" value`;
  const named = spec.names.indexOf(token.toUpperCase());
  if (named !== -1) return spec.min + named;
  if (!/^\d+$/.test(token)) {
    const kind = spec.names.length > 0 ? 'a number or name' : 'a number';
    return `${where} "${token}" is not ${kind}`;
  }
  const value = Number(token);
  if (value < spec.min || value > spec.max) {
    return `${where} ${value} is out of range ${spec.min}-${spec.max}`;
  }
  return value;
}

// Adds the values one comma-separated item stands for, or returns why it cannot.
function addItem(item: string, spec: FieldSpec, into: Set<number>): string[] {
  const where = `cron: field "${spec.label}"`;
  const match = ITEM.exec(item);
  if (match === null) {
    return [`${where} item "${item}" is not *, a value, a range a-b, or a step */n, a/n or a-b/n`];
  }
  const [, star, fromText, toText, stepText] = match;
  const from = star === undefined ? parseValue(fromText ?? '', spec) : spec.min;
  // `a/n` steps from a to the end of the field, as croner reads it; open-ended day-of-week steps
  // end on Saturday, so `1/3` is 1,4 and not 1,4,7 (Sunday).
  const to =
    star !== undefined || (toText === undefined && stepText !== undefined)
      ? spec.key === 'dayOfWeek'
        ? 6
        : spec.max
      : toText === undefined
        ? from
        : parseValue(toText, spec);
  const step = stepText === undefined ? 1 : Number(stepText);
  const issues = [...new Set([from, to])].filter(
    (bound): bound is string => typeof bound === 'string',
  );
  if (step < 1) issues.push(`${where} step ${stepText ?? ''} in "${item}" must be at least 1`);
  if (typeof from === 'number' && typeof to === 'number' && from > to) {
    issues.push(`${where} range ${from}-${to} in "${item}" runs backwards`);
  }
  if (issues.length > 0 || typeof from !== 'number' || typeof to !== 'number') return issues;
  for (let value = from; value <= to; value += step) into.add(value);
  return [];
}

function parseField(text: string, spec: FieldSpec): Result<CronField> {
  const values = new Set<number>();
  const issues = text.split(',').flatMap((item) => addItem(item, spec, values));
  if (issues.length > 0) return fail(...issues);
  const folded = [...values].map((value) => (spec.key === 'dayOfWeek' ? value % 7 : value));
  return ok({ values: [...new Set(folded)].sort((a, b) => a - b), star: text.startsWith('*') });
}

// The shorthands cron implementations share; `@reboot` has no time, so it has no conversion.
const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/**
 * Parses a standard five-field cron expression or one of the shorthands `@yearly`, `@annually`,
 * `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly`, collecting every problem. Never throws.
 */
export function parseCronFields(expression: string): Result<CronFields> {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    const macro = MACROS[trimmed.toLowerCase()];
    return macro === undefined
      ? fail(
          `cron: shorthand ${JSON.stringify(trimmed)} is not one of ${Object.keys(MACROS).join(', ')}`,
        )
      : parseCronFields(macro);
  }
  const texts = trimmed.split(/\s+/).filter((text) => text !== '');
  if (texts.length !== FIELD_SPECS.length) {
    return fail(
      `cron: expected 5 fields (minute hour day-of-month month day-of-week), got ${texts.length} in ${JSON.stringify(expression)}`,
    );
  }
  const issues: string[] = [];
  const fields: Partial<Record<keyof CronFields, CronField>> = {};
  FIELD_SPECS.forEach((spec, index) => {
    const field = parseField(texts[index] ?? '', spec);
    if (field.ok) fields[spec.key] = field.value;
    else issues.push(...field.issues);
  });
  const { minute, hour, dayOfMonth, month, dayOfWeek } = fields;
  if (!minute || !hour || !dayOfMonth || !month || !dayOfWeek) return fail(...issues);
  return ok({ minute, hour, dayOfMonth, month, dayOfWeek });
}

/** Whether the field matches every value it could hold. */
export function isFullField(field: CronField, key: keyof CronFields): boolean {
  return field.values.length === FIELD_SIZES[key];
}

/**
 * Whether the field prints as `*`. Day fields also need the star flag, because a written-out
 * `1-31` still switches day-of-month/day-of-week matching from AND to OR.
 */
export function isWildcardField(field: CronField, key: keyof CronFields): boolean {
  const isDayField = key === 'dayOfMonth' || key === 'dayOfWeek';
  return isFullField(field, key) && (field.star || !isDayField);
}

function formatValues(values: readonly number[]): string {
  const parts: string[] = [];
  for (let start = 0; start < values.length;) {
    let end = start;
    while (values[end + 1] === (values[end] ?? 0) + 1) end += 1;
    const [first, last] = [values[start], values[end]];
    if (end - start >= 2) parts.push(`${first}-${last}`);
    else parts.push(...values.slice(start, end + 1).map(String));
    start = end + 1;
  }
  return parts.join(',');
}

/** Prints fields in normal form: `*` for wildcards, otherwise numbers with runs of 3+ as `a-b`. */
export function formatCronFields(fields: CronFields): string {
  return FIELD_SPECS.map(({ key }) =>
    isWildcardField(fields[key], key) ? '*' : formatValues(fields[key].values),
  ).join(' ');
}
