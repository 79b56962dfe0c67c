// Shared drawing helpers. Pages fetch chart data as JSON and only draw it; no numbers are computed here.
(function () {
  'use strict';

  // Okabe-Ito colours: distinguishable with the common forms of colour blindness.
  var PALETTE = {
    blue: '#0072B2', orange: '#E69F00', green: '#009E73', vermillion: '#D55E00',
    sky: '#56B4E9', purple: '#CC79A7', yellow: '#F0E442', grey: '#999999'
  };

  // Errors come as RFC 9457 problem details: detail says what went wrong and what to do, title in brief.
  function problemMessage(body, status) {
    if (body && body.detail) { return body.detail; }
    if (body && body.title) { return body.title; }
    return 'The server answered ' + status + '.';
  }

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (response.status === 401 || response.redirected || type.indexOf('json') === -1) {
          throw new Error('Your session has ended. Reload the page to sign in again.');
        }
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(problemMessage(body, response.status));
          }
          return body;
        });
      });
  }

  function setStatus(element, text, isError) {
    if (!element) { return; }
    element.textContent = text;
    element.classList.toggle('error', Boolean(isError));
  }

  function fillTable(table, rows) {
    var body = table.tBodies[0];
    body.replaceChildren();
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (value, index) {
        var cell = document.createElement(index === 0 ? 'th' : 'td');
        if (index === 0) { cell.scope = 'row'; } else { cell.className = 'num'; }
        cell.textContent = String(value);
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
  }

  // Colours by label value: blue for, vermillion against, grey none; sentiment and incivility likewise.
  var VALUE_COLOURS = {
    favor: PALETTE.blue, against: PALETTE.vermillion, none: PALETTE.grey, aligned: PALETTE.blue,
    negative: PALETTE.vermillion, neutral: PALETTE.grey, positive: PALETTE.blue, uncivil: PALETTE.orange,
    civil: PALETTE.green
  };
  var SERIES_COLOURS = [PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.orange, PALETTE.purple,
    PALETTE.sky, PALETTE.yellow, '#000000'];

  function colourOf(value, index) {
    return VALUE_COLOURS[value] || SERIES_COLOURS[index % SERIES_COLOURS.length];
  }

  /** A text with highlighted stretches, built from text nodes only: nothing in it can become markup. */
  function highlighted(text, highlights) {
    var fragment = document.createDocumentFragment();
    var cuts = [0, text.length];
    highlights.forEach(function (h) { cuts.push(Math.max(0, Math.min(text.length, h.start)), Math.max(0, Math.min(text.length, h.end))); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      var span = document.createElement('span');
      var classes = [];
      highlights.forEach(function (h) {
        if (h.start <= from && h.end >= to && classes.indexOf(h.type) === -1) { classes.push(h.type); }
      });
      span.className = classes.join(' ');
      span.textContent = text.substring(from, to);
      fragment.appendChild(span);
    }
    return fragment;
  }

  window.Counterpoint = { PALETTE: PALETTE, fetchJson: fetchJson, problemMessage: problemMessage, setStatus: setStatus, fillTable: fillTable,
    colourOf: colourOf, highlighted: highlighted };
})();
