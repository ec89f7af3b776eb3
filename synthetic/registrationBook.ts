// Civil-status registers number their entries per year in registration order ('123/2024').
// Records are collected first and numbered at the end, because the generator creates them
// family by family rather than in date order. One book per record type, shared by the whole
// province, keeps every registration number unique.

import { daysFromCivil, yearOf } from './dates.ts';

interface Numbered {
  id: string;
  registrationNumber: string;
}

const MAX_RECORDS = 2 ** 24; // the sort key packs (day, insertion index) into one double
const DAY_OFFSET = 200_000; // keeps keys positive for days before 1970

export class RegistrationBook<T extends Numbered> {
  private readonly records: T[] = [];
  private readonly days: number[] = [];

  constructor(private readonly idPrefix: string) {}

  /** Adds a record registered on `day`; its id and number are filled in by close(). */
  add(record: T, day: number): T {
    if (this.records.length >= MAX_RECORDS) throw new RangeError('registration book is full');
    this.records.push(record);
    this.days.push(day);
    return record;
  }

  /** Numbers every record in (date, insertion) order and returns them in that order. */
  close(): T[] {
    const keys = new Float64Array(this.records.length);
    for (let i = 0; i < keys.length; i++) keys[i] = (this.days[i] + DAY_OFFSET) * MAX_RECORDS + i;
    keys.sort(); // typed-array sort is numeric and stable enough: keys are distinct
    const ordered: T[] = new Array(keys.length);
    let year = 0;
    let nextYearStarts = -Infinity; // records are in date order: only look the year up when it changes
    let n = 0;
    for (let k = 0; k < keys.length; k++) {
      const i = keys[k] % MAX_RECORDS;
      const record = this.records[i];
      const day = this.days[i];
      if (day >= nextYearStarts) {
        year = yearOf(day);
        nextYearStarts = daysFromCivil(year + 1, 1, 1);
        n = 0;
      }
      n++;
      record.id = `${this.idPrefix}${String(k + 1).padStart(8, '0')}`;
      record.registrationNumber = `${n}/${year}`;
      ordered[k] = record;
    }
    return ordered;
  }
}
