// Dashboard panels: each fetches its JSON and draws it. Numbers come from the server; this only draws, and lists
// the items behind a bar, cell or point when one is chosen (by mouse, or by keyboard in the data tables).
(function () {
  'use strict';
  var cp = window.Counterpoint;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function percent(share) {
    return share === null || share === undefined ? 'none yet' : Math.round(share * 100) + '%';
  }

  function filtersOf(src) {
    var query = src.indexOf('?') === -1 ? '' : src.substring(src.indexOf('?') + 1);
    var params = new URLSearchParams(query);
    ['page', 'format', 'target', 'q', 'top'].forEach(function (k) { params.delete(k); });
    return params;
  }

  function showMeta(section, data) {
    var meta = section.querySelector('.panel-meta');
    meta.textContent = 'n = ' + data.n + ' ' + data.nOf + ' · checked by people: ' + percent(data.checkedShare)
      + (data.paging ? ' · page ' + data.paging.page + ' of ' + Math.max(1, Math.ceil(data.paging.total / data.paging.pageSize)) : '')
      + (data.codebook ? ' · ' + data.codebook : '');
    var notes = section.querySelector('.notes');
    notes.replaceChildren();
    (data.notes || []).forEach(function (note) { notes.appendChild(el('li', 'note', note)); });
  }

  function drill(section, query) {
    var box = section.querySelector('.drill');
    var filters = filtersOf(section.dataset.src);
    var params = new URLSearchParams(query);
    var documentId = params.get('document') || filters.get('document');
    params.delete('document');
    filters.delete('document');
    filters.forEach(function (value, key) { if (!params.has(key)) { params.set(key, value); } });
    box.replaceChildren(el('p', 'muted', 'Loading the items…'));
    if (!params.has('key') && !params.has('item')) {
      window.location.href = '/dashboards/framing-vs-reactions?document=' + encodeURIComponent(documentId);
      return;
    }
    cp.fetchJson('/api/documents/' + encodeURIComponent(documentId) + '/items?' + params.toString()).then(function (page) {
      box.replaceChildren();
      var heading = el('h3', null, page.total + ' item' + (page.total === 1 ? '' : 's') + ' behind this'
        + (page.total > page.items.length ? ' (first ' + page.items.length + ')' : ''));
      heading.tabIndex = -1;
      box.appendChild(heading);
      var list = el('ol', 'drill-items');
      page.items.forEach(function (item) {
        var li = el('li', 'drill-item');
        li.dataset.labelItem = item.id;
        li.tabIndex = 0;
        li.appendChild(el('p', 'comment-meta', item.kind + ' #' + item.position
          + (item.author ? ' · ' + item.author : '') + (item.postedAt ? ' · ' + item.postedAt : '')));
        var text = el('p', 'comment-text');
        text.appendChild(cp.highlighted(item.text, item.highlights || []));
        li.appendChild(text);
        var labels = el('ul', 'labels');
        item.labels.forEach(function (label) {
          if (label.value === 'none') { return; }
          var badge = el('li', 'stance-' + label.value + ' source-' + label.source,
            label.key + ': ' + label.value + (label.confidence !== null && label.confidence !== undefined
              ? ' ' + Math.round(label.confidence * 100) + '%' : ''));
          badge.title = label.source + ' · ' + (label.model || label.annotator || '') + (label.labelledAt ? ' · ' + label.labelledAt : '');
          badge.tabIndex = 0;
          labels.appendChild(badge);
        });
        labels.dataset.labelBadges = item.id;
        li.appendChild(labels);
        var open = el('button', 'label-open', document.getElementById('label-panel')
          && document.getElementById('label-panel').dataset.annotator === 'true' ? 'Label' : 'History');
        open.type = 'button';
        open.dataset.labelOpen = 'true';
        li.appendChild(open);
        list.appendChild(li);
      });
      box.appendChild(list);
      if (cp.labeller) { cp.labeller.refresh(); }
      heading.focus();
    }).catch(function (error) {
      box.replaceChildren(el('p', 'error', 'The items could not be loaded: ' + error.message));
    });
  }

  function drillButton(section, text, query, label) {
    var button = el('button', 'cell-button', text);
    button.type = 'button';
    if (label) { button.setAttribute('aria-label', label); }
    button.addEventListener('click', function () { drill(section, query); });
    return button;
  }

  // Series charts also get a data table whose cells are buttons: the keyboard way to every drill-down.
  function seriesTable(section, data) {
    var holder = section.querySelector('.panel-table');
    var details = el('details', 'chart-table');
    details.appendChild(el('summary', null, 'Show the numbers'));
    var table = el('table');
    var head = el('tr');
    head.appendChild(el('th', null, ''));
    data.series.forEach(function (s) { head.appendChild(el('th', 'num', s.name)); });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    data.labels.forEach(function (label, i) {
      var row = el('tr');
      var th = el('th', null, label);
      th.scope = 'row';
      row.appendChild(th);
      data.series.forEach(function (s) {
        var td = el('td', 'num');
        var v = s.values[i];
        var text = (v === null || v === undefined ? '—' : Math.abs(v).toFixed(0)) + ' (' + s.counts[i] + ')';
        td.appendChild(s.drill ? drillButton(section, text, s.drill[i], label + ', ' + s.name + ': ' + text) : el('span', null, text));
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    table.appendChild(body);
    details.appendChild(table);
    holder.replaceChildren(details);
  }

  function rowsTable(section, data) {
    var holder = section.querySelector('.panel-table');
    var table = el('table', data.chart === 'heatmap' ? 'heatmap' : 'data-table');
    var head = el('tr');
    head.appendChild(el('th', null, data.chart === 'heatmap' ? 'Item' : 'Document'));
    data.columns.forEach(function (c) { head.appendChild(el('th', null, c)); });
    table.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var tr = el('tr');
      var th = el('th');
      th.scope = 'row';
      if (row.link) {
        var a = el('a', null, row.label);
        a.href = row.link;
        th.appendChild(a);
      } else {
        th.textContent = row.label;
      }
      tr.appendChild(th);
      row.cells.forEach(function (cell, i) {
        var td = el('td', cell.value ? 'cell stance-' + cell.value : 'cell');
        if (cell.text !== undefined && cell.text !== null) {
          td.textContent = cell.text;
        } else {
          var text = cell.value ? (cell.value === 'favor' ? '+' : cell.value === 'against' ? '−' : '·') : '';
          var label = row.label + ' / ' + data.columns[i] + ': ' + (cell.value || 'not labelled')
            + (cell.confidence ? ' (' + Math.round(cell.confidence * 100) + '%, ' + cell.source + ')' : '');
          var button = drillButton(section, text, cell.drill, label);
          button.title = label;
          td.appendChild(button);
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    holder.replaceChildren(table);
    if (data.paging && data.paging.total > data.paging.pageSize) { pager(section, data.paging); }
  }

  function pager(section, paging) {
    var holder = section.querySelector('.panel-table');
    var nav = el('nav', 'pager');
    nav.setAttribute('aria-label', 'Pages of this panel');
    var pages = Math.ceil(paging.total / paging.pageSize);
    [['Previous', paging.page - 1], ['Next', paging.page + 1]].forEach(function (p) {
      if (p[1] < 1 || p[1] > pages) { return; }
      var b = el('button', null, p[0]);
      b.type = 'button';
      b.addEventListener('click', function () {
        var url = new URL(section.dataset.src, window.location.origin);
        url.searchParams.set('page', p[1]);
        section.dataset.src = url.pathname + url.search;
        load(section);
      });
      nav.appendChild(b);
    });
    holder.appendChild(nav);
  }

  function draw(section, data) {
    var canvas = section.querySelector('canvas');
    var existing = Chart.getChart(canvas);
    if (existing) { existing.destroy(); }
    var type = data.chart === 'line' ? 'line' : 'bar';
    var horizontal = type === 'bar';
    var stacked = data.chart === 'diverging-bar' || data.chart === 'stacked-bar';
    var datasets = data.series.map(function (s, i) {
      var colour = cp.colourOf(s.value, i);
      return { label: s.name, data: s.values, backgroundColor: colour, borderColor: colour, stack: stacked ? s.stack : undefined,
        spanGaps: true, counts: s.counts };
    });
    var box = section.querySelector('.chart-box');
    box.style.height = Math.max(260, (horizontal ? data.labels.length * (stacked ? 34 : 30) : 0) + 120) + 'px';
    new Chart(canvas, {
      type: type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'nearest', intersect: true, axis: horizontal ? 'y' : 'x' },
        scales: {
          x: { stacked: stacked, ticks: horizontal ? { callback: function (v) { return Math.abs(v) + '%'; } } : {} },
          y: { stacked: stacked, ticks: horizontal ? { autoSkip: false } : {} }
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (ctx) {
            var v = ctx.raw;
            var count = ctx.dataset.counts[ctx.dataIndex];
            return ctx.dataset.label + ': ' + (v === null ? '—' : Math.abs(v).toFixed(1) + '%') + ' (n ' + count + ')';
          } } }
        },
        onClick: function (event, elements) {
          if (!elements.length) { return; }
          var s = data.series[elements[0].datasetIndex];
          if (s.drill) { drill(section, s.drill[elements[0].index]); }
        }
      }
    });
    var png = section.querySelector('a.png');
    if (png) {
      png.addEventListener('click', function () { png.href = canvas.toDataURL('image/png'); });
    }
  }

  function load(section) {
    cp.fetchJson(section.dataset.src).then(function (data) {
      showMeta(section, data);
      if (data.rows) {
        rowsTable(section, data);
      } else {
        draw(section, data);
        seriesTable(section, data);
      }
      section.dataset.loaded = 'true';
    }).catch(function (error) {
      cp.setStatus(section.querySelector('.panel-meta'), 'This panel could not be loaded: ' + error.message, true);
      section.dataset.loaded = 'error';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('section.panel[data-src]').forEach(load);
  });
})();
