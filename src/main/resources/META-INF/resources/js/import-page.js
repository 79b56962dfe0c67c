// The import page: sends the pasted text or chosen file to /api/imports as it is, first as a dry run if asked,
// then shows what would be (or was) imported, every problem, and the classification's progress with a link.
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function body() {
    var file = document.getElementById('import-file').files[0];
    if (file) { return file; }
    return new Blob([document.getElementById('import-text').value], { type: 'text/plain;charset=utf-8' });
  }

  function send(dryRun) {
    var params = new URLSearchParams();
    params.set('format', document.getElementById('import-format').value);
    ['title', 'document', 'annotator'].forEach(function (name) {
      var value = document.getElementById('import-' + name).value.trim();
      if (value) { params.set(name, value); }
    });
    if (dryRun) { params.set('dry-run', 'true'); }
    show('Sending…', [], null);
    return fetch('/api/imports?' + params.toString(), {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', 'X-CSRF-TOKEN': csrfToken() },
      body: body()
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          show('Nothing was imported.', String(json.error || json.detail || response.status).split('\n'), null);
          return;
        }
        show(json.dryRun ? 'Dry run: nothing was stored. This is what the import would do.' : 'Imported.', [], json);
      });
    }).catch(function (error) {
      show('The import could not be sent: ' + error.message, [], null);
    });
  }

  function show(status, problems, report) {
    var section = document.getElementById('import-result');
    section.hidden = false;
    document.getElementById('import-status').textContent = status;
    var list = document.getElementById('import-problems');
    list.replaceChildren();
    problems.forEach(function (p) { list.appendChild(el('li', p)); });
    var table = document.getElementById('import-documents');
    var rows = table.querySelector('tbody');
    rows.replaceChildren();
    var jobs = document.getElementById('import-jobs');
    jobs.replaceChildren();
    table.hidden = !report;
    if (!report) { return; }
    var s = report.summary;
    document.getElementById('import-status').textContent = status + ' ' + s.documentsCreated + ' new documents ('
      + s.documentsExisting + ' already there), ' + s.items + ' items, ' + s.labels + ' labels ('
      + s.labelsSkipped + ' skipped: already there or made by a model).';
    s.documents.forEach(function (d) {
      var tr = el('tr');
      var name = el('td');
      if (d.id) {
        var link = el('a', d.title || d.key);
        link.href = '/documents/' + d.id;
        name.appendChild(link);
      } else {
        name.textContent = d.title || d.key;
      }
      tr.appendChild(name);
      tr.appendChild(el('td', d.created ? 'new' : 'already there'));
      [d.paragraphs, d.comments, d.labels].forEach(function (n) {
        var td = el('td', n);
        td.className = 'num';
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    report.jobs.forEach(function (job) { follow(jobs, job); });
  }

  function follow(holder, job) {
    var line = el('p');
    line.className = 'job';
    var label = el('span', 'Classifying: ');
    var progress = el('progress');
    var count = el('span');
    line.appendChild(label);
    line.appendChild(progress);
    line.appendChild(count);
    holder.appendChild(line);
    function poll() {
      fetch('/api/jobs/' + job.id, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          progress.max = Math.max(1, j.total);
          progress.value = j.done;
          count.textContent = ' ' + j.done + ' of ' + j.total + ' (' + j.status + ')';
          if (j.status !== 'done' && j.status !== 'failed' && j.status !== 'cancelled') {
            window.setTimeout(poll, 1500);
          }
        })
        .catch(function (error) { count.textContent = ' ' + error.message; });
    }
    poll();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('import-check').addEventListener('click', function () { send(true); });
    document.getElementById('import-run').addEventListener('click', function () { send(false); });
  });
})();
