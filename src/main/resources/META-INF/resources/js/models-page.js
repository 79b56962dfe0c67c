// The models page: reliability charts from their JSON endpoints, and live progress of open jobs.
(function () {
  'use strict';
  var cp = window.Counterpoint;
  var COLOURS = [cp.PALETTE.blue, cp.PALETTE.orange, cp.PALETTE.green || '#2a9d4a'];

  function drawReliability(canvas) {
    cp.fetchJson(canvas.dataset.chartSrc).then(function (data) {
      var datasets = data.dimensions.map(function (d, i) {
        return {
          label: d.name + ' (ECE ' + d.ece.toFixed(3) + ')',
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          showLine: true,
          data: d.bins.filter(function (b) { return b.count > 0; })
            .map(function (b) { return { x: b.confidence, y: b.accuracy, n: b.count }; })
        };
      });
      datasets.push({ label: 'perfectly calibrated', borderColor: '#999', borderDash: [4, 4], pointRadius: 0,
        showLine: true, data: [{ x: 0, y: 0 }, { x: 1, y: 1 }] });
      new Chart(canvas, {
        type: 'scatter',
        data: { datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          scales: {
            x: { min: 0, max: 1, title: { display: true, text: 'Stated confidence (bin mean)' } },
            y: { min: 0, max: 1, title: { display: true, text: 'Share right' } }
          },
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) {
            var p = c.raw; return c.dataset.label + ': ' + (100 * p.x).toFixed(0) + ' % stated, ' +
              (100 * p.y).toFixed(0) + ' % right' + (p.n ? ' (n=' + p.n + ')' : ''); } } } }
        }
      });
    });
  }

  function followJob(cell) {
    var bar = cell.querySelector('progress');
    var text = cell.querySelector('span');
    function poll() {
      cp.fetchJson('/api/jobs/' + cell.dataset.job).then(function (job) {
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        text.textContent = job.done + ' / ' + job.total + ' (' + job.status + ')';
        if (job.status === 'queued' || job.status === 'running') {
          window.setTimeout(poll, 2000);
        }
      });
    }
    poll();
  }

  document.querySelectorAll('canvas.reliability-chart').forEach(drawReliability);
  document.querySelectorAll('td.job-progress[data-open="true"]').forEach(followJob);
})();
