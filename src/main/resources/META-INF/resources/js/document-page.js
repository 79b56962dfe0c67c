// The document page: draws the target-mentions chart from its JSON endpoint.
(function () {
  'use strict';
  var cp = window.Counterpoint;

  function drawTargetMentions(canvas) {
    var status = document.getElementById('target-mentions-status');
    var table = document.getElementById('target-mentions-table');
    cp.fetchJson(canvas.dataset.chartSrc).then(function (data) {
      var labels = data.targets.map(function (t) { return t.name; });
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: labels,
          datasets: [
            { label: 'Article paragraphs (of ' + data.paragraphs + ')', backgroundColor: cp.PALETTE.blue,
              data: data.targets.map(function (t) { return t.paragraphs; }) },
            { label: 'Reader comments (of ' + data.comments + ')', backgroundColor: cp.PALETTE.orange,
              data: data.targets.map(function (t) { return t.comments; }) }
          ]
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Items naming the target' } } },
          plugins: { legend: { position: 'bottom' } }
        }
      });
      cp.fillTable(table, data.targets.map(function (t) { return [t.name, t.paragraphs, t.comments]; }));
      cp.setStatus(status, 'n = ' + data.paragraphs + ' paragraphs and ' + data.comments + ' comments; codebook "'
        + data.codebook + '" version ' + data.codebookVersion + '.');
    }).catch(function (error) {
      cp.setStatus(status, 'The chart could not be loaded: ' + error.message, true);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('target-mentions-chart');
    if (canvas) { drawTargetMentions(canvas); }
  });
})();
