// A dataset of the open-data list as CKAN describes a package (CKAN 2.9-2.11 API, package_show's result):
// the fields CKAN clients and harvesters read (`name`, `title`, `notes`, `license_id`, `metadata_modified`,
// `organization.name`, `tags[].name`, `groups[].name`, `resources[].url/format/mimetype`, `extras`), in
// CKAN's shapes. Organizations are the publishing agencies (name: the agency code); groups are the EU
// data themes (name: the theme code in lower case).
import type { OpenDatasetAnswer } from './openDataAnswers.ts';

/** SPDX ids of the list (shared/openData) as CKAN's default licence register names them. */
const CKAN_LICENCE_IDS: Record<string, { id: string; title: string }> = {
  'CC-BY-4.0': { id: 'cc-by', title: 'Creative Commons Attribution 4.0' },
  'CC-BY-SA-4.0': { id: 'cc-by-sa', title: 'Creative Commons Attribution Share-Alike 4.0' },
  'CC0-1.0': { id: 'cc-zero', title: 'Creative Commons CCZero' },
  'ODbL-1.0': { id: 'odc-odbl', title: 'Open Data Commons Open Database License (ODbL)' },
  'PDDL-1.0': { id: 'odc-pddl', title: 'Open Data Commons Public Domain Dedication and License (PDDL)' },
};

export function ckanLicence(spdx: string): { id: string; title: string } {
  return CKAN_LICENCE_IDS[spdx] ?? { id: spdx.toLowerCase(), title: spdx };
}

/** The EU data themes' English labels (publications office authority table data-theme). */
export const THEME_LABELS: Record<string, string> = {
  AGRI: 'Agriculture, fisheries, forestry and food',
  ECON: 'Economy and finance',
  EDUC: 'Education, culture and sport',
  ENER: 'Energy',
  ENVI: 'Environment',
  GOVE: 'Government and public sector',
  HEAL: 'Health',
  INTR: 'International issues',
  JUST: 'Justice, legal system and public safety',
  REGI: 'Regions and cities',
  SOCI: 'Population and society',
  TECH: 'Science and technology',
  TRAN: 'Transport',
};

/** CKAN writes its timestamps as UTC without a zone, to the microsecond: 2026-11-20T08:00:00.000000. */
export function ckanTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}

/** When the package last changed for a harvester: its metadata or its published data, whichever is later. */
export function packageModifiedAt(dataset: OpenDatasetAnswer): string {
  const times = [dataset.metadataModifiedAt, dataset.dataModifiedAt].filter((time): time is string => Boolean(time));
  return times.reduce((latest, time) => (Date.parse(time) > Date.parse(latest) ? time : latest));
}

export interface CkanOrganization {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_url: string;
  type: 'organization';
  is_organization: true;
  state: 'active';
  approval_status: 'approved';
  package_count?: number;
}

export function ckanOrganization(code: string, name: string, packageCount?: number): CkanOrganization {
  return {
    id: code,
    name: code,
    title: name,
    display_name: name,
    description: '',
    image_url: '',
    type: 'organization',
    is_organization: true,
    state: 'active',
    approval_status: 'approved',
    ...(packageCount === undefined ? {} : { package_count: packageCount }),
  };
}

export type CkanPackage = ReturnType<typeof ckanPackage>;

/** Download URLs are absolute, from PUBLIC_GATEWAY_URL: harvesters fetch them from elsewhere. */
export function ckanPackage(dataset: OpenDatasetAnswer, publicUrl: string) {
  const licence = ckanLicence(dataset.licence);
  const modified = ckanTimestamp(packageModifiedAt(dataset));
  // Resources only while the files are served (downloads answer 404 for a withdrawn or unpublished dataset).
  const served = dataset.status === 'PUBLISHED' && dataset.currentVersion !== null;
  const tags = [...new Set([...dataset.keywords, ...dataset.keywordsEn])];
  const extras: Array<{ key: string; value: string }> = [
    { key: 'title_en', value: dataset.titleEn },
    { key: 'notes_en', value: dataset.descriptionEn },
    { key: 'status', value: dataset.status },
    { key: 'freshness', value: dataset.freshness },
    { key: 'frequency', value: dataset.frequency },
    { key: 'spatial_codes', value: dataset.spatial.join(',') },
    { key: 'temporal_start', value: dataset.temporalStart },
    ...(dataset.temporalEnd ? [{ key: 'temporal_end', value: dataset.temporalEnd }] : []),
    ...(dataset.dataModifiedAt ? [{ key: 'data_modified', value: dataset.dataModifiedAt }] : []),
    ...(dataset.nextUpdateDue ? [{ key: 'next_update_due', value: dataset.nextUpdateDue }] : []),
    ...(dataset.currentVersion ? [{ key: 'version', value: String(dataset.currentVersion.number) }] : []),
    ...(dataset.withdrawnReason ? [{ key: 'withdrawn_reason', value: dataset.withdrawnReason }] : []),
    ...(dataset.withdrawnAt ? [{ key: 'withdrawn_at', value: dataset.withdrawnAt }] : []),
  ];
  const resources = served
    ? dataset.distributions.map((distribution, position) => ({
        id: `${dataset.id}-${distribution.format.toLowerCase()}`,
        package_id: dataset.id,
        name: `${dataset.title} (${distribution.format.toUpperCase()})`,
        description: dataset.description,
        format: distribution.format.toUpperCase(),
        mimetype: distribution.mediaType,
        url: `${publicUrl}${distribution.downloadPath}`,
        url_type: null,
        state: 'active',
        position,
        created: ckanTimestamp(dataset.currentVersion!.publishedAt),
        last_modified: dataset.dataModifiedAt ? ckanTimestamp(dataset.dataModifiedAt) : null,
        metadata_modified: modified,
        hash: dataset.currentVersion!.sha256,
        size: null,
      }))
    : [];
  return {
    id: dataset.id,
    name: dataset.id,
    title: dataset.title,
    notes: dataset.description,
    type: 'dataset',
    state: 'active',
    private: false,
    isopen: true,
    url: '',
    version: dataset.currentVersion ? String(dataset.currentVersion.number) : null,
    author: dataset.publisherName,
    author_email: null,
    maintainer: dataset.publisherName,
    maintainer_email: null,
    license_id: licence.id,
    license_title: licence.title,
    license_url: dataset.licenceUrl,
    metadata_created: ckanTimestamp(dataset.currentVersion?.publishedAt ?? dataset.metadataModifiedAt),
    metadata_modified: modified,
    owner_org: dataset.publisher,
    organization: ckanOrganization(dataset.publisher, dataset.publisherName),
    tags: tags.map((name) => ({ id: name, name, display_name: name, state: 'active', vocabulary_id: null })),
    num_tags: tags.length,
    groups: dataset.themes.map((theme) => ({
      id: theme.toLowerCase(),
      name: theme.toLowerCase(),
      title: THEME_LABELS[theme] ?? theme,
      display_name: THEME_LABELS[theme] ?? theme,
      description: '',
      image_display_url: '',
    })),
    resources,
    num_resources: resources.length,
    extras,
    relationships_as_object: [],
    relationships_as_subject: [],
  };
}
