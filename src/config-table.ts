import { configReference, type ConfigVariable } from './config.ts';

/** The README's configuration table sits between these two lines; `npm run docs:config` rewrites it. */
export const TABLE_START = '<!-- config-table:start (generated from src/config.ts by npm run docs:config; do not edit) -->';
export const TABLE_END = '<!-- config-table:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The configuration table in Markdown, one row a variable, from the config schema. */
export function configTable(variables: ConfigVariable[] = configReference()): string {
  const rows = variables.map((v) => {
    // A default that stands in for one (`development: generated`) is prose, not a value.
    const fallback = v.default === undefined ? '—' : /^[^\s:]+$/.test(v.default) ? `\`${v.default}\`` : v.default;
    return `| \`${v.name}\` | ${cell(fallback)} | ${cell(v.required ?? 'no')} | ${cell(v.description)} |`;
  });
  return ['| variable | default | required | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the table; throws when the markers are missing. */
export function withConfigTable(readme: string, table = configTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the lines ${TABLE_START} and ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
