// What the citizen's record page asks: their own record across the registers (`me`), as far as the
// policies let a citizen read it. Anything refused comes back null with a FORBIDDEN error at its path.
export const MY_RECORD_QUERY = `query MyRecord {
  me {
    id fullName dateOfBirth gender nationality ethnicity { name } religion dateOfDeath
    residence { address unit { name } }
    household { id address registeredOn head { id fullName } members { id fullName } }
    father { id fullName }
    mother { id fullName }
    civilEvents {
      __typename id kind registrationNumber registeredOn registeredAt { name }
      ... on Birth { placeOfBirth }
      ... on Marriage { husband { id fullName } wife { id fullName } }
      ... on Death { dateOfDeath }
    }
    landParcels {
      id mapSheet parcelNumber area address landUsePurpose { code name } location { name }
      holders { share citizen { id } }
      certificates { serialNumber issuedOn }
    }
    businesses { enterpriseCode name kind status registeredOn address }
    benefits { id program { code name legalBasis } monthlyAmount startedOn endedOn status }
  }
}`;

export interface PersonLink {
  id: string | null;
  fullName: string | null;
}

export interface CivilEvent {
  __typename: 'Birth' | 'Marriage' | 'Death';
  id: string | null;
  kind: string | null;
  registrationNumber: string | null;
  registeredOn: string | null;
  registeredAt: { name: string | null } | null;
  placeOfBirth?: string | null;
  husband?: PersonLink | null;
  wife?: PersonLink | null;
  dateOfDeath?: string | null;
}

export interface LandParcel {
  id: string;
  mapSheet: number | null;
  parcelNumber: number | null;
  area: number | null;
  address: string | null;
  landUsePurpose: { code: string | null; name: string | null } | null;
  location: { name: string | null } | null;
  holders: { share: number | null; citizen: { id: string } | null }[] | null;
  certificates: { serialNumber: string | null; issuedOn: string | null }[] | null;
}

export interface Business {
  enterpriseCode: string;
  name: string | null;
  kind: string | null;
  status: string | null;
  registeredOn: string | null;
  address: string | null;
}

export interface Benefit {
  id: string;
  program: { code: string | null; name: string | null; legalBasis: string | null } | null;
  monthlyAmount: number | null;
  startedOn: string | null;
  endedOn: string | null;
  status: string | null;
}

export interface MyRecord {
  id: string;
  fullName: string | null;
  dateOfBirth: string | null;
  gender: string | null;
  nationality: string | null;
  ethnicity: { name: string | null } | null;
  religion: string | null;
  dateOfDeath: string | null;
  residence: { address: string | null; unit: { name: string | null } | null } | null;
  household: { id: string; address: string | null; registeredOn: string | null; head: PersonLink | null; members: PersonLink[] | null } | null;
  father: PersonLink | null;
  mother: PersonLink | null;
  civilEvents: CivilEvent[] | null;
  landParcels: LandParcel[] | null;
  businesses: Business[] | null;
  benefits: Benefit[] | null;
}
