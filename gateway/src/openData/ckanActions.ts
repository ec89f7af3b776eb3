// CKAN's read actions under /api/3/action/ (GET with query parameters, or POST with a JSON body as
// ckanapi sends): package_list, package_search, package_show, organization_list, organization_show,
// help_show. Answers in CKAN's envelope {help, success, result}; errors as CKAN gives them
// ({help, success: false, error: {__type, message}}: 404 Not Found Error, 409 Validation Error or Search
// Query Error, 400 for an unknown action). Every answer is built from one GraphQL read of the whole list
// as the caller (readAllDatasets.ts): the list holds hundreds of datasets at most.
import type { Request, Response } from 'express';
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../GatewayContext.ts';
import { startDeadline } from '../requestDeadline.ts';
import { askAsCaller, firstError, statusOfErrors } from '../askAsCaller.ts';
import { ckanOrganization, ckanPackage, type CkanPackage } from './ckanPackage.ts';
import { CkanError, folded, searchPackages, type SearchParameters } from './ckanSearch.ts';
import { readAllDatasets } from './readAllDatasets.ts';

export const CKAN_ACTION_PATH = '/api/3/action/:action';

const HELP: Record<string, string> = {
  package_list: 'Return a list of the names of the site’s datasets (packages). Parameters: limit, offset.',
  package_search: 'Search for packages: q, fq (organization:, tags:, res_format:, groups:, license_id:), rows (≤ 1000), start, sort (score, metadata_modified, name, title_string; asc or desc), facet.field (JSON list), facet.limit.',
  package_show: 'Return the metadata of a dataset (package) and its resources. Parameters: id (the dataset’s id or name).',
  organization_list: 'Return a list of the names of the site’s organizations (the publishing agencies). Parameters: all_fields, sort (name or title, asc or desc), limit, offset.',
  organization_show: 'Return the details of an organization. Parameters: id (its name), include_datasets.',
  help_show: 'Return the help string for a particular API action. Parameters: name.',
};

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && ['true', '1', 'yes', 'True'].includes(value));
}

function idOf(parameters: SearchParameters, name = 'id'): string {
  const value = parameters[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CkanError(409, 'Validation Error', `${name}: Missing value`, { [name]: ['Missing value'] });
  return value.trim();
}

function slice<T>(items: T[], parameters: SearchParameters): T[] {
  const number = (name: string) => {
    const raw = parameters[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new CkanError(409, 'Validation Error', `${name}: Must be a natural number`, { [name]: ['Must be a natural number'] });
    return value;
  };
  const offset = number('offset') ?? 0;
  const limit = number('limit');
  return items.slice(offset, limit === undefined ? undefined : offset + limit);
}

function organizations(packages: readonly CkanPackage[]) {
  const byName = new Map<string, { title: string; packages: CkanPackage[] }>();
  for (const pkg of packages) {
    const entry = byName.get(pkg.organization.name) ?? { title: pkg.organization.title, packages: [] };
    entry.packages.push(pkg);
    byName.set(pkg.organization.name, entry);
  }
  return byName;
}

type Action = (packages: CkanPackage[], parameters: SearchParameters) => unknown;

const ACTIONS: Record<string, Action> = {
  package_list: (packages, parameters) => slice(packages.map((pkg) => pkg.name).sort(), parameters),
  package_search: (packages, parameters) => searchPackages(packages, parameters),
  package_show: (packages, parameters) => {
    const id = idOf(parameters);
    const found = packages.find((pkg) => pkg.id === id || pkg.name === id);
    if (!found) throw new CkanError(404, 'Not Found Error', 'Not found');
    return found;
  },
  organization_list: (packages, parameters) => {
    const sortText = typeof parameters.sort === 'string' && parameters.sort ? parameters.sort : 'title asc';
    const [field, direction = 'asc'] = sortText.trim().split(/\s+/);
    if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(direction)) {
      throw new CkanError(409, 'Validation Error', 'sort: name, title or package_count, asc or desc', { sort: ['Invalid sort'] });
    }
    const orgs = [...organizations(packages)].map(([name, entry]) => ckanOrganization(name, entry.title, entry.packages.length));
    const key = (org: (typeof orgs)[number]) => (field === 'name' ? org.name : field === 'title' ? folded(org.title) : org.package_count!);
    orgs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (direction === 'desc' ? -1 : 1));
    const listed = slice(orgs, parameters);
    return truthy(parameters.all_fields) ? listed : listed.map((org) => org.name);
  },
  organization_show: (packages, parameters) => {
    const id = idOf(parameters);
    const entry = organizations(packages).get(id);
    if (!entry) throw new CkanError(404, 'Not Found Error', 'Not found');
    return {
      ...ckanOrganization(id, entry.title, entry.packages.length),
      users: [],
      extras: [],
      groups: [],
      tags: [],
      ...(truthy(parameters.include_datasets) ? { packages: entry.packages } : {}),
    };
  },
  help_show: (_packages, parameters) => {
    const name = idOf(parameters, 'name');
    if (!HELP[name]) throw new CkanError(404, 'Not Found Error', `Action name not known: ${name}`);
    return HELP[name];
  },
};

/** Parameters of a GET (query string) or a POST (JSON body, or a form); a repeated GET parameter keeps its last value. */
function parametersOf(req: Request): SearchParameters {
  const fromQuery: SearchParameters = {};
  for (const [name, value] of Object.entries(req.query)) fromQuery[name] = Array.isArray(value) ? value[value.length - 1] : value;
  const body = req.method === 'POST' && req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as SearchParameters) : {};
  return { ...fromQuery, ...body };
}

export function ckanActions(server: ApolloServer<GatewayContext>, requestMs: number, publicUrl: string) {
  return async (req: Request, res: Response): Promise<void> => {
    const name = String(req.params.action);
    const help = `${publicUrl}/api/3/action/help_show?name=${encodeURIComponent(name)}`;
    const fail = (status: number, type: string, message: string, fields: Record<string, string[]> = {}) => {
      res.status(status).json({ help, success: false, error: { __type: type, message, ...fields } });
    };
    const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    if (!action) return fail(400, 'Bad Request', `Bad request - Action name not known: ${name}`);
    const parameters = parametersOf(req);
    try {
      // help_show needs no dataset: it costs no GraphQL work.
      let packages: CkanPackage[] = [];
      if (name !== 'help_show') {
        const read = await readAllDatasets(askAsCaller(server, req.principal!, () => startDeadline(requestMs)));
        if ('errors' in read) {
          const { message, code } = firstError(read.errors);
          const status = statusOfErrors(read.errors);
          return fail(status, status === 401 || status === 403 ? 'Authorization Error' : 'Internal Server Error', `${message} (${code})`);
        }
        packages = read.datasets.map((dataset) => ckanPackage(dataset, publicUrl));
      }
      res.json({ help, success: true, result: action(packages, parameters) });
    } catch (error) {
      if (!(error instanceof CkanError)) throw error;
      fail(error.status, error.type, error.message, error.fields);
    }
  };
}
