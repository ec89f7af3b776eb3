// Starts GraphiQL against this gateway. Served from local files: the playground works with no internet.
/* global React, ReactDOM, GraphiQL */
(function () {
  var defaultQuery = [
    '# Paste a token into the Headers tab below, e.g. from:',
    '#   npm run --silent token -- --role officer --agency cong-an-tinh',
    '# and set X-Purpose to why you ask. Demo ids are in the README.',
    '{',
    '  citizen(id: "PASTE-A-DEMO-ID") {',
    '    fullName',
    '    dateOfBirth',
    '    civilEvents { kind registeredOn }',
    '    landParcels { parcelNumber area }',
    '    businesses { enterpriseCode name }',
    '  }',
    '}',
    '',
  ].join('\n');
  var defaultHeaders = JSON.stringify(
    { Authorization: 'Bearer PASTE-A-TOKEN', 'X-Purpose': 'criminal-investigation' },
    null,
    2,
  );
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultHeaders: defaultHeaders,
      defaultEditorToolsVisibility: 'headers',
      shouldPersistHeaders: false,
    }),
  );
})();
