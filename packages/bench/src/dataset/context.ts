import type { Command } from '@chitieu/commands';
import type { Actor, Reference } from '@chitieu/domain';
import type { Random } from './random.js';

/** A command being generated; `corrects` points at the draft whose event a correction supersedes. */
export interface Draft {
  command: Command;
  actor: Actor;
  at: Date;
  corrects?: Draft;
}

/** What every part of the generator reads. */
export interface Context {
  seed: number;
  scale: number;
  reference: Reference;
  /** A province's name in `year`: Thừa Thiên Huế until the 2025 reform, Huế after. */
  nameIn(province: string, year: number): string;
  /** `<province>/<indicator>/<period key>` of the reports the seed documents already filed. */
  seededReports: ReadonlySet<string>;
  /** `<province>/<plan slug>` of the seed documents' plans: a generated plan must not reuse a number. */
  takenPlans: Set<string>;
}

/** A provincial officer, as the gateway will authenticate one. */
export function officer(province: string): Actor {
  return { id: `chuyen-vien@${province}`, role: 'province', province };
}

/** The body that issues a province's documents: cities under the centre are "thành phố". */
export function issuer(name: string): string {
  const cities = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];
  return `Ủy ban nhân dân ${cities.includes(name) ? 'thành phố' : 'tỉnh'} ${name}`;
}

const DAY = 86_400_000;

/** An ISO date from `from` to `to`, both included. */
export function dateBetween(random: Random, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end < start) throw new RangeError(`empty date range ${from}–${to}`);
  return new Date(start + random.int(0, Math.round((end - start) / DAY)) * DAY).toISOString().slice(0, 10);
}

/** `date` plus `days` (negative for earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The earlier of two ISO dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/**
 * A moment of office hours in Vietnam (08:00–16:59, UTC+7) on `date`, so that "today in Vietnam",
 * which the deciders compare document dates with, is `date` itself. `hour` fixes the hour when the
 * order of commands on one day matters (a plan before its tasks).
 */
export function officeTime(random: Random, date: string, hour?: number): Date {
  const local = hour ?? random.int(8, 16);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (local - 7) * 3_600_000 + random.int(0, 3_599) * 1000);
}
