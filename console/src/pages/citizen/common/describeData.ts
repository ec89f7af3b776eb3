// Fields and field groups in words. The policies name a field Type.field and a group
// <register>.<type>:<group> (population.citizen:identity); a name the texts do not know is shown as given.
import type { Texts } from '../../../text/vi/index.ts';

type CitizenTexts = Texts['citizen'];

export function fieldWords(t: CitizenTexts, field: string): string {
  return t.fields[field] ?? field;
}

export interface GroupWords {
  /** "Nhân thân (hồ sơ công dân, Cơ sở dữ liệu dân cư)" */
  title: string;
  /** "Nhân thân" */
  name: string;
  /** "hồ sơ công dân" */
  record: string;
  /** "họ và tên, ngày sinh, giới tính, quốc tịch" */
  fields: string;
}

export function groupWords(t: CitizenTexts, id: string, fields: string[]): GroupWords {
  const [policy = '', group = id] = id.split(':');
  const [register = '', type = ''] = policy.split('.');
  const name = t.groupNames[group] ?? group;
  const record = t.types[type] ?? type;
  const where = [record, t.registers[register] ?? register].filter(Boolean).join(', ');
  return { title: where ? `${name} (${where})` : name, name, record, fields: fields.map((field) => fieldWords(t, field)).join(', ') };
}

/** The register (subgraph) a group id belongs to: population.citizen:identity -> population. */
export function registerOf(id: string): string {
  return id.split(':')[0].split('.')[0];
}

/** A group id in words, when only its id is at hand (a consent or request lists ids). */
export function groupTitle(t: CitizenTexts, id: string): string {
  return groupWords(t, id, []).title;
}

/** Why something was refused, in words. */
export function reasonWords(texts: Texts, reason: string | null | undefined): string {
  if (!reason) return '';
  return texts.citizen.reasons[reason] ?? texts.common.reasons[reason] ?? reason;
}
