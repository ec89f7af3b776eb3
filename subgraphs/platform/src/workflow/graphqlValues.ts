// How the platform's workflows answer stored values in GraphQL: a stored code as its enum value
// ('data-error' -> 'DATA_ERROR'), a stored instant as ISO 8601.

export function asEnumValue(code: string): string {
  return code.toUpperCase().replace(/-/g, '_');
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
