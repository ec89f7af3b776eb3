// Starts GraphiQL against this gateway. Served from local files: the playground works with no internet.
// In development (GET /console/api/sign-in-options says so) a panel above it signs in with a development
// token and fills GraphiQL's headers, and puts the README's demo ids one click away; in production the
// panel is not built and GraphiQL is as before (a token pasted into the Headers tab).
/* global React, ReactDOM, GraphiQL, PLAYGROUND_TEXTS, PlaygroundSignIn */
(function () {
  var STORAGE_KEY = 'console.language'; // the console's choice, shared with it
  var language = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  var texts = function () {
    return PLAYGROUND_TEXTS[language];
  };

  var exampleQuery = [
    '{',
    '  citizen(id: "033094279365") {',
    '    fullName',
    '    dateOfBirth',
    '    civilEvents { kind registeredOn }',
    '    landParcels { parcelNumber area }',
    '    businesses { enterpriseCode name }',
    '  }',
    '}',
    '',
  ].join('\n');
  var defaultHeaders = JSON.stringify({ Authorization: 'Bearer PASTE-A-TOKEN', 'X-Purpose': 'criminal-investigation' }, null, 2);
  var fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));

  // GraphiQL reads defaultHeaders and defaultQuery once; its `headers` and `query` props replace the
  // editors' contents each time they change, which is how the panel fills them.
  var editors = { headers: undefined, query: undefined };
  function renderGraphiQL() {
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultQuery: texts().defaultQuery.join('\n') + '\n' + exampleQuery,
        defaultHeaders: defaultHeaders,
        headers: editors.headers,
        query: editors.query,
        defaultEditorToolsVisibility: 'headers',
        shouldPersistHeaders: false,
      }),
    );
  }
  var handlers = {
    onHeaders: function (headers) {
      editors.headers = headers;
      renderGraphiQL();
    },
    onQuery: function (query) {
      // The same demo twice must still replace what the reader typed since: a prop that did not change
      // would not, so the two spellings alternate (a trailing newline).
      editors.query = editors.query === query ? query + '\n' : query;
      renderGraphiQL();
    },
  };

  var panel = document.getElementById('sign-in-panel');
  var choice = { role: 'officer', agency: 'cong-an-tinh', subject: '', purpose: 'criminal-investigation', caseId: 'HS-2026/0042', message: null };
  var options = null;

  function renderTexts() {
    document.getElementById('playground-title').textContent = texts().title;
    document.getElementById('to-console').textContent = texts().console;
    var header = document.getElementById('playground-header');
    header.setAttribute('lang', language);
    var switcher = document.getElementById('switch-language');
    switcher.textContent = texts().switchLanguage;
    switcher.setAttribute('aria-label', texts().switchLanguageLabel);
    switcher.setAttribute('lang', language === 'vi' ? 'en' : 'vi');
    if (options) {
      panel.setAttribute('lang', language);
      PlaygroundSignIn.mount(panel, options, texts(), choice, handlers);
    }
  }

  document.getElementById('switch-language').addEventListener('click', function () {
    language = language === 'vi' ? 'en' : 'vi';
    localStorage.setItem(STORAGE_KEY, language);
    renderTexts();
  });

  fetch('/console/api/sign-in-options')
    .then(function (response) {
      return response.ok ? response.json() : { development: false };
    })
    .catch(function () {
      return { development: false };
    })
    .then(function (answer) {
      if (answer.development) {
        options = answer;
        panel.hidden = false;
      }
      renderTexts();
      renderGraphiQL();
    });
})();
