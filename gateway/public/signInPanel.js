// The playground's development sign-in, as plain DOM: role, agency, subject, purpose and case id give a
// development token (POST /console/api/dev-token, the rules of npm run token), handed to onHeaders as
// GraphiQL's headers; each demo citizen is a button handing the README's first query to onQuery.
/* exported PlaygroundSignIn */
window.PlaygroundSignIn = (function () {
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes.text;
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  var fieldCount = 0;
  /** A labelled control, as the console's Field: a visible label, and a hint tied by aria-describedby. */
  function field(label, control, hint) {
    var id = 'sign-in-' + ++fieldCount;
    control.id = id;
    var children = [element('label', { for: id, text: label }), control];
    if (hint) {
      control.setAttribute('aria-describedby', id + '-hint');
      children.push(element('small', { id: id + '-hint', class: 'hint', text: hint }));
    }
    return element('div', { class: 'field' }, children);
  }

  function select(name, choices, chosen) {
    var node = element('select', { name: name });
    choices.forEach(function (choice) {
      var option = element('option', { value: choice.value, text: choice.label });
      if (choice.value === chosen) option.selected = true;
      node.appendChild(option);
    });
    return node;
  }

  function firstQuery(citizenId) {
    return [
      '{',
      '  citizen(id: "' + citizenId + '") {',
      '    fullName',
      '    dateOfBirth',
      '    residence { address unit { name formerUnits { name district } } }',
      '    civilEvents { kind registeredOn }',
      '    landParcels { parcelNumber area landUsePurpose { name } }',
      '    businesses { enterpriseCode name }',
      '    benefits { program { name } monthlyAmount }',
      '  }',
      '}',
      '',
    ].join('\n');
  }

  async function mintToken(choice) {
    var response = await fetch('/console/api/dev-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roles: [choice.role], agency: choice.agency || null, sub: choice.subject || null }),
    });
    var body = await response.json().catch(function () {
      return {};
    });
    return body.token ? { token: body.token } : { problem: body.problem || 'HTTP ' + response.status, code: body.code };
  }

  /**
   * Builds the panel into `container` in the language of `texts`, keeping the choice in `state` across
   * rebuilds (a language switch rebuilds it).
   */
  function mount(container, options, texts, state, handlers) {
    container.textContent = '';
    var role = select('role', options.roles.map(function (code) {
      return { value: code, label: (texts.roles[code] || code) + ' (' + code + ')' };
    }), state.role);
    var agency = select('agency', [{ value: '', label: texts.noAgency }].concat(options.agencies.map(function (entry) {
      return { value: entry.code, label: entry.name + ' (' + entry.code + ')' };
    })), state.agency);
    var subject = element('input', { name: 'subject', list: 'demo-citizens', autocomplete: 'off' });
    subject.value = state.subject;
    var purpose = select('purpose', [{ value: '', label: texts.noPurpose }].concat(options.purposes.map(function (entry) {
      return { value: entry.code, label: entry.name + ' (' + entry.code + ')' };
    })), state.purpose);
    var caseId = element('input', { name: 'caseId', autocomplete: 'off' });
    caseId.value = state.caseId;
    var demoList = element('datalist', { id: 'demo-citizens' }, options.demoCitizens.map(function (citizen) {
      return element('option', { value: citizen.id, label: citizen.name });
    }));
    var message = element('p', { class: 'message', role: 'status' });
    if (state.message) {
      message.textContent = state.message.text;
      message.className = 'message ' + state.message.kind;
    }
    var submit = element('button', { type: 'submit', text: texts.signIn });
    var form = element('form', { class: 'sign-in' }, [
      field(texts.role, role),
      field(texts.agency, agency),
      field(texts.subject, subject, texts.subjectHint),
      field(texts.purpose, purpose),
      field(texts.caseId, caseId, texts.caseIdHint),
      demoList,
      submit,
    ]);
    var remember = function () {
      state.role = role.value;
      state.agency = agency.value;
      state.subject = subject.value.trim();
      state.purpose = purpose.value;
      state.caseId = caseId.value.trim();
    };
    form.addEventListener('change', remember);
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      remember();
      submit.disabled = true;
      var minted = await mintToken({ role: state.role, agency: state.role === 'citizen' ? '' : state.agency, subject: state.subject }).catch(function () {
        return { problem: texts.signInFailed };
      });
      submit.disabled = false;
      if (minted.problem) {
        // The gateway's code said in the panel's language; its own words for a code the texts lack.
        state.message = { kind: 'problem', text: texts.signInFailed + ' ' + ((minted.code && texts.problems[minted.code]) || minted.problem) };
      } else {
        var headers = { Authorization: 'Bearer ' + minted.token };
        if (state.purpose) headers['X-Purpose'] = state.purpose;
        if (state.caseId) headers['X-Case-Id'] = state.caseId;
        handlers.onHeaders(JSON.stringify(headers, null, 2));
        var who = [texts.roles[state.role] || state.role, state.role === 'citizen' ? '' : state.agency, state.subject].filter(Boolean).join(' · ');
        state.message = { kind: 'done', text: texts.signedIn(who) };
      }
      message.textContent = state.message.text;
      message.className = 'message ' + state.message.kind;
    });

    var demos = element('div', { class: 'demos', role: 'group', 'aria-labelledby': 'demo-title' }, [
      element('h3', { id: 'demo-title', text: texts.demoTitle }),
      element('p', { text: texts.demoIntro }),
    ]);
    options.demoCitizens.forEach(function (citizen) {
      var button = element('button', { type: 'button', class: 'demo', 'data-citizen': citizen.id, text: texts.demoButton(citizen.name, citizen.id) });
      button.addEventListener('click', function () {
        handlers.onQuery(firstQuery(citizen.id));
      });
      demos.appendChild(button);
    });

    container.appendChild(element('h2', { id: 'sign-in-title', text: texts.panelTitle }));
    container.appendChild(element('p', { class: 'intro', text: texts.panelIntro }));
    container.appendChild(form);
    container.appendChild(message);
    container.appendChild(demos);
  }

  return { mount: mount };
})();
