// Shared drawing helpers. Pages fetch chart data as JSON and only draw it; no numbers are computed here.
(function () {
  'use strict';

  // Okabe-Ito colours: distinguishable with the common forms of colour blindness.
  var PALETTE = {
    blue: '#0072B2', orange: '#E69F00', green: '#009E73', vermillion: '#D55E00',
    sky: '#56B4E9', purple: '#CC79A7', yellow: '#F0E442', grey: '#999999'
  };

  function fetchJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (response.redirected || type.indexOf('application/json') === -1) {
          throw new Error('Your session has ended. Reload the page to sign in again.');
        }
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body && body.error ? body.error : 'The server answered ' + response.status + '.');
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

  window.Counterpoint = { PALETTE: PALETTE, fetchJson: fetchJson, setStatus: setStatus, fillTable: fillTable };
})();
