// The labelling panel: shows one item with its evidence, its labels and their history, and lets annotators relabel
// it by keyboard (j/k, a number per target, f/a/n, p/u/m, c/x, Enter) or by mouse. Everything shown is set as text,
// never as markup. Items are the elements with data-label-item inside a [data-label-list] (or the whole page).
(function () {
  'use strict';
  var cp = window.Counterpoint;
  var STANCES = [['favor', 'favor', 'f'], ['against', 'against', 'a'], ['none', 'no stance', 'n']];
  var SENTIMENTS = [['positive', 'positive', 'p'], ['neutral', 'neutral', 'u'], ['negative', 'negative', 'm']];
  var CIVILITY = [['civil', 'civil', 'c'], ['uncivil', 'uncivil', 'x']];

  var panel, body, status, keysHelp, canLabel, canDecide, drawer;
  var items = [];
  var index = -1;
  var current = null; // the item as the server sent it
  var activeTarget = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function postJson(url, payload) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrfToken() },
      body: JSON.stringify(payload)
    }).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      if (type.indexOf('json') === -1) {
        throw new Error(response.status === 403 ? 'You may not do this, or your session has ended: reload the page.'
          : 'The server answered ' + response.status + '.');
      }
      return response.json().then(function (json) { return { ok: response.ok, status: response.status, body: json }; });
    });
  }

  function say(text, isError) { cp.setStatus(status, text, isError); }

  function percent(value) { return value === null || value === undefined ? '' : Math.round(value * 100) + '%'; }

  function targetName(slug) {
    var found = (current.targets || []).filter(function (t) { return t.slug === slug; })[0];
    return found ? found.name : slug;
  }

  // ---- choosing items ---------------------------------------------------------------------------------------
  function collect() {
    items = Array.prototype.slice.call(document.querySelectorAll('[data-label-item]'));
    items.forEach(function (node) {
      if (node.dataset.labelBound) { return; }
      node.dataset.labelBound = 'true';
      node.addEventListener('click', function (event) {
        if (event.target.closest('a, button, input, select, textarea, label, summary')) { return; }
        select(items.indexOf(node));
      });
      node.querySelectorAll('[data-label-open]').forEach(function (button) {
        button.addEventListener('click', function () { select(items.indexOf(node)); });
      });
    });
  }

  function select(i, message) {
    if (i < 0) { say('This is the first item.'); return; }
    if (i >= items.length) {
      if (nextPageLink()) { window.location.href = nextPageLink(); return; }
      say('That was the last item here.');
      return;
    }
    if (index >= 0 && items[index]) { items[index].classList.remove('selected'); items[index].removeAttribute('aria-current'); }
    index = i;
    if (drawer) { document.body.classList.add('labelling'); }
    var node = items[i];
    node.classList.add('selected');
    node.setAttribute('aria-current', 'true');
    node.scrollIntoView({ block: 'nearest' });
    if (node.tabIndex >= 0) { node.focus({ preventScroll: true }); }
    load(node.dataset.labelItem, node.dataset.labelKey || null, message);
  }

  function nextPageLink() {
    var a = document.querySelector('.pager a[href*="page="]:last-child');
    return a && /Next/.test(a.textContent) ? a.href : null;
  }

  // Only the last item asked for is drawn, however the answers arrive.
  var wanted = null;

  function load(itemId, focusKey, message) {
    wanted = String(itemId);
    delete panel.dataset.ready;
    say('Loading the item…');
    cp.fetchJson('/api/items/' + encodeURIComponent(itemId)).then(function (item) {
      if (String(item.id) !== wanted) { return; }
      current = item;
      activeTarget = focusKey && item.targets.some(function (t) { return t.slug === focusKey; }) ? focusKey
        : (item.targets[0] ? item.targets[0].slug : null);
      render();
      panel.dataset.ready = String(item.id);
      say(message || '');
    }).catch(function (error) { say('The item could not be loaded: ' + error.message, true); });
  }

  // ---- drawing ----------------------------------------------------------------------------------------------
  function render() {
    body.replaceChildren();
    document.getElementById('label-panel-hint').hidden = true;
    var head = el('p', 'comment-meta', current.kind + ' #' + current.position + ' of “' + current.documentTitle + '”'
      + (current.author ? ' · ' + current.author : '') + ' · codebook ' + current.codebook + ' v' + current.codebookVersion);
    body.appendChild(head);
    var text = el('blockquote', 'label-text');
    text.appendChild(cp.highlighted(current.text, current.highlights || []));
    body.appendChild(text);
    if (current.masked) { body.appendChild(el('p', 'notice', current.masked)); }
    if (current.queue && current.queue.length) { body.appendChild(queueReasons()); }
    body.appendChild(currentLabels());
    if (canLabel) { body.appendChild(editor()); }
    if (canDecide && current.queue && current.queue.length) { body.appendChild(decision()); }
    body.appendChild(history());
  }

  function queueReasons() {
    var box = el('div', 'queue-reasons');
    box.appendChild(el('h3', null, 'Why it is in the review queue'));
    var list = el('ul');
    current.queue.forEach(function (r) {
      var words = [];
      if (r.disagreement) { words.push('people disagree'); }
      if (r.overturned) { words.push('a person overturned the model'); }
      if (r.uncertain) { words.push('the model is unsure (' + percent(r.modelConfidence) + ')'); }
      if (r.relabel) { words.push('the codebook changed: label it again'); }
      list.appendChild(el('li', null, (r.targetName || r.dimension) + ': ' + words.join(', ')
        + (r.modelValue ? ' · model says ' + r.modelValue : '')));
    });
    box.appendChild(list);
    return box;
  }

  function currentLabels() {
    var box = el('div', 'current-labels');
    box.appendChild(el('h3', null, 'Labels that count now'));
    var list = el('ul', 'labels');
    current.current.forEach(function (l) {
      var li = el('li', 'stance-' + l.value + ' source-' + l.source, l.display + (l.confidence !== null ? ' ' + percent(l.confidence) : ''));
      li.title = l.source + ' · ' + l.who + (l.confidence !== null ? ' · ' + percent(l.confidence) + ' sure' : '');
      list.appendChild(li);
    });
    if (!current.current.length) { list.appendChild(el('li', 'muted', 'none shown')); }
    box.appendChild(list);
    return box;
  }

  function currentValue(dimension, target) {
    var found = current.current.filter(function (l) { return l.dimension === dimension && (l.target || null) === (target || null); })[0];
    return found ? found.value : null;
  }

  function radioGroup(name, legendText, options, dimension, target, key) {
    var set = el('fieldset', 'choice');
    set.dataset.dimension = dimension;
    if (target) { set.dataset.target = target; }
    var legend = el('legend', null, (key ? key + '  ' : '') + legendText);
    var now = currentValue(dimension, target);
    if (now) { legend.appendChild(el('span', 'muted', ' (now ' + now + ')')); }
    set.appendChild(legend);
    options.forEach(function (o) {
      var label = el('label');
      var input = el('input');
      input.type = 'radio';
      input.name = name;
      input.value = o[0];
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + o[1] + ' '));
      label.appendChild(el('kbd', null, o[2]));
      set.appendChild(label);
    });
    return set;
  }

  function editor() {
    var form = el('form', 'label-editor');
    form.setAttribute('aria-label', 'Your labels for this item');
    form.addEventListener('submit', function (event) { event.preventDefault(); save(true); });
    form.appendChild(el('h3', null, 'Your labels'));
    form.appendChild(el('p', 'hint', 'Choose only what you decide; the rest stays as it is. Enter saves and moves on.'));
    current.targets.forEach(function (t) {
      var group = radioGroup('stance-' + t.slug, t.name, STANCES, 'stance', t.slug, t.key);
      group.title = t.description;
      if (t.slug === activeTarget) { group.classList.add('active'); }
      form.appendChild(group);
    });
    form.appendChild(radioGroup('sentiment', 'Sentiment', SENTIMENTS, 'sentiment', null, null));
    form.appendChild(radioGroup('incivility', 'Incivility', CIVILITY, 'incivility', null, null));
    var noteLabel = el('label', null, 'Note (optional, why) ');
    noteLabel.htmlFor = 'label-note';
    form.appendChild(noteLabel);
    var note = el('textarea');
    note.id = 'label-note';
    note.maxLength = 2000;
    note.rows = 2;
    form.appendChild(note);
    var button = el('button', null, 'Save and next');
    button.type = 'submit';
    form.appendChild(button);
    return form;
  }

  function decision() {
    var box = el('form', 'decision');
    box.setAttribute('aria-label', 'Settle the dispute');
    box.appendChild(el('h3', null, 'Settle it (admin)'));
    var subject = el('select');
    subject.id = 'decide-subject';
    var subjectLabel = el('label', null, 'Subject ');
    subjectLabel.htmlFor = subject.id;
    current.queue.forEach(function (r) {
      var option = el('option', null, r.targetName || r.dimension);
      option.value = r.dimension + '|' + (r.target || '');
      subject.appendChild(option);
    });
    var value = el('select');
    value.id = 'decide-value';
    var valueLabel = el('label', null, 'Final label ');
    valueLabel.htmlFor = value.id;
    function fillValues() {
      value.replaceChildren();
      var dimension = subject.value.split('|')[0];
      (dimension === 'stance' ? STANCES : dimension === 'sentiment' ? SENTIMENTS : CIVILITY).forEach(function (o) {
        var option = el('option', null, o[1]);
        option.value = o[0];
        value.appendChild(option);
      });
    }
    subject.addEventListener('change', fillValues);
    fillValues();
    var reason = el('input');
    reason.id = 'decide-reason';
    reason.maxLength = 2000;
    var reasonLabel = el('label', null, 'Why (closes the dispute) ');
    reasonLabel.htmlFor = reason.id;
    var button = el('button', null, 'Decide');
    button.type = 'submit';
    [subjectLabel, subject, valueLabel, value, reasonLabel, reason, button].forEach(function (n) { box.appendChild(n); });
    box.addEventListener('submit', function (event) {
      event.preventDefault();
      var parts = subject.value.split('|');
      postJson('/api/items/' + current.id + '/adjudication', {
        dimension: parts[0], target: parts[1] || null, value: value.value, reason: reason.value,
        seenVersion: current.labelVersion
      }).then(function (answer) {
        if (answer.status === 409) {
          say(cp.problemMessage(answer.body, answer.status) + ' What changed: ' + answer.body.changes.map(function (c) {
            return c.who + ' (' + c.source + ') ' + describe(c);
          }).join('; ') + '.', true);
          return;
        }
        if (!answer.ok) { say(cp.problemMessage(answer.body, answer.status), true); return; }
        current = answer.body.item;
        render();
        panel.dataset.ready = String(current.id);
        markDone();
        say('Decided: the adjudicated label now counts, and the dispute is closed.');
      }).catch(function (error) { say(error.message, true); });
    });
    return box;
  }

  function describe(change) {
    return change.target ? change.display.replace(change.target, targetName(change.target)) : change.display;
  }

  function history() {
    var box = el('details', 'label-history');
    box.open = true;
    box.appendChild(el('summary', null, 'History (' + current.history.length + ' labels, oldest first)'));
    var table = el('table');
    var head = el('tr');
    ['When', 'Label', 'Source', 'By', 'Confidence', 'Note'].forEach(function (h) { var th = el('th', null, h); th.scope = 'col'; head.appendChild(th); });
    table.appendChild(el('thead')).appendChild(head);
    var tbody = el('tbody');
    current.history.forEach(function (h) {
      var tr = el('tr');
      [h.at ? h.at.substring(0, 19) : '', h.display, h.source, h.who, percent(h.confidence), h.note || ''].forEach(function (v) {
        tr.appendChild(el('td', null, v));
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(table);
    return box;
  }

  // ---- saving -----------------------------------------------------------------------------------------------
  function chosen() {
    var labels = [];
    body.querySelectorAll('fieldset.choice').forEach(function (set) {
      var checked = set.querySelector('input:checked');
      if (checked) {
        labels.push({ dimension: set.dataset.dimension, target: set.dataset.target || null, value: checked.value });
      }
    });
    return labels;
  }

  function save(advance) {
    var labels = chosen();
    var note = document.getElementById('label-note');
    if (!labels.length) {
      say('Nothing chosen, so nothing saved.' + (advance ? ' Moved on.' : ''));
      if (advance) { select(index + 1); }
      return;
    }
    say('Saving…');
    postJson('/api/items/' + current.id + '/labels', {
      labels: labels, note: note ? note.value : null, seenVersion: current.labelVersion
    }).then(function (answer) {
      if (!answer.ok) { say(cp.problemMessage(answer.body, answer.status), true); return; }
      var others = answer.body.othersSince || [];
      current = answer.body.item;
      updateBadges(current);
      markDone();
      var message = 'Saved ' + labels.length + ' label' + (labels.length === 1 ? '' : 's') + '.'
        + (others.length ? ' Meanwhile ' + others.map(function (c) { return c.who + ' ' + describe(c); }).join('; ') + '.' : '');
      if (advance && index + 1 < items.length) {
        select(index + 1, message);
      } else {
        render();
        panel.dataset.ready = String(current.id);
        say(message);
      }
    }).catch(function (error) { say('Not saved: ' + error.message, true); });
  }

  function markDone() {
    if (items[index]) { items[index].classList.add('labelled'); }
  }

  // The item's label badges elsewhere on the page follow the new current labels.
  function updateBadges(item) {
    var badges = document.querySelector('[data-label-badges="' + item.id + '"]');
    if (!badges) { return; }
    badges.replaceChildren();
    item.current.forEach(function (l) {
      if (l.dimension === 'stance' && l.value === 'none') { return; }
      var li = el('li', (l.dimension === 'stance' ? 'stance stance-' : l.dimension + ' ' + l.dimension + '-') + l.value + ' source-' + l.source,
        l.display + (l.confidence !== null ? ' ' + percent(l.confidence) : ''));
      li.tabIndex = 0;
      li.title = l.source + ' · ' + l.who;
      badges.appendChild(li);
    });
  }

  // ---- keys -------------------------------------------------------------------------------------------------
  function setActive(slug) {
    activeTarget = slug;
    body.querySelectorAll('fieldset.choice[data-target]').forEach(function (set) {
      set.classList.toggle('active', set.dataset.target === slug);
    });
    say('Target: ' + targetName(slug));
  }

  function check(dimension, target, value) {
    var selector = 'fieldset.choice[data-dimension="' + dimension + '"]' + (target ? '[data-target="' + target + '"]' : '');
    var set = body.querySelector(selector);
    if (!set) { return; }
    var input = set.querySelector('input[value="' + value + '"]');
    if (input) { input.checked = true; say((target ? targetName(target) : dimension) + ': ' + value + ' (Enter saves)'); }
  }

  function onKey(event) {
    if (event.altKey || (event.ctrlKey && event.key !== 'Enter') || event.metaKey) { return; }
    var typing = event.target.closest && event.target.closest('input[type=text], input:not([type]), textarea, select');
    if (typing) {
      if (event.key === 'Escape') { event.target.blur(); }
      if (event.key === 'Enter' && event.ctrlKey && current) { event.preventDefault(); save(true); }
      return;
    }
    var key = event.key;
    if (key === '?') { keysHelp.hidden = !keysHelp.hidden; event.preventDefault(); return; }
    if (key === 'j' || key === 'k') { select(index + (key === 'j' ? 1 : -1)); event.preventDefault(); return; }
    if (!current || !canLabel) { return; }
    var target = current.targets.filter(function (t) { return t.key === key; })[0];
    if (target) { setActive(target.slug); event.preventDefault(); return; }
    var stance = STANCES.filter(function (s) { return s[2] === key; })[0];
    if (stance && activeTarget) { check('stance', activeTarget, stance[0]); event.preventDefault(); return; }
    var sentiment = SENTIMENTS.filter(function (s) { return s[2] === key; })[0];
    if (sentiment) { check('sentiment', null, sentiment[0]); event.preventDefault(); return; }
    var civility = CIVILITY.filter(function (s) { return s[2] === key; })[0];
    if (civility) { check('incivility', null, civility[0]); event.preventDefault(); return; }
    if (key === 't') { var note = document.getElementById('label-note'); if (note) { note.focus(); event.preventDefault(); } return; }
    if (key === 'Escape') { render(); say('Unsaved choices undone.'); return; }
    if (key === 'Enter' && !event.target.closest('button, a, summary')) { event.preventDefault(); save(true); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    panel = document.getElementById('label-panel');
    if (!panel) { return; }
    body = document.getElementById('label-panel-body');
    status = document.getElementById('label-panel-status');
    keysHelp = document.getElementById('label-keys');
    canLabel = panel.dataset.annotator === 'true';
    canDecide = panel.dataset.admin === 'true';
    drawer = panel.classList.contains('drawer');
    collect();
    document.addEventListener('keydown', onKey);
    document.getElementById('label-panel-close').hidden = !drawer;
    document.getElementById('label-panel-close').addEventListener('click', function () {
      document.body.classList.remove('labelling');
      if (items[index]) { items[index].focus(); }
    });
    var wanted = new URLSearchParams(window.location.search).get('item');
    if (wanted) {
      var i = items.findIndex(function (n) { return n.dataset.labelItem === wanted; });
      if (i >= 0) { select(i); }
    }
  });

  window.Counterpoint.labeller = {
    // Drill-down lists and other late-drawn lists call this after adding items.
    refresh: function () { collect(); },
    open: function (itemId) {
      var i = items.findIndex(function (n) { return n.dataset.labelItem === String(itemId); });
      if (i >= 0) { select(i); } else { load(itemId, null); }
    }
  };
})();
