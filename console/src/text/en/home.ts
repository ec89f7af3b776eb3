import type { home as vi } from '../vi/home.ts';

export const home: typeof vi = {
  title: 'Home',
  intro: "Pages for the people who use the province's data-sharing platform. Choose what you need to do:",
  areas: {
    policies: { title: 'Access policies', text: 'Read, edit, propose and approve the access policies.' },
    citizen: { title: 'My data', text: 'My record, my consents, my requests and who used my data.' },
    agency: { title: 'Agencies', text: 'The sharing-services catalogue, connection requests, statistics, data-error reports.' },
    openData: { title: 'Open data', text: "The province's open datasets: search and download, no sign-in needed." },
    playground: { title: 'GraphiQL', text: "Try GraphQL queries on the province's schema." },
  },
};
