import type { Command } from 'commander';
import type { Locale } from '../domain';

/** Thai unless `--lang en` is given. */
export function localeOf(program: Command): Locale {
  return program.opts<{ lang?: string }>().lang === 'en' ? 'en' : 'th';
}
