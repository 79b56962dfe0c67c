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

  // While a classification job runs, follow its progress; reload the page when its labels are in.
  function followJob(box) {
    var progress = document.getElementById('job-progress');
    var count = document.getElementById('job-count');
    function poll() {
      cp.fetchJson(box.dataset.jobSrc).then(function (job) {
        progress.max = job.total;
        progress.value = job.done;
        count.textContent = job.done + ' of ' + job.total;
        if (job.status === 'done') {
          window.location.reload();
        } else if (job.status === 'failed' || job.status === 'cancelled') {
          cp.setStatus(count, 'stopped: ' + (job.error || job.status), true);
        } else {
          window.setTimeout(poll, 1500);
        }
      }).catch(function (error) {
        cp.setStatus(count, error.message, true);
      });
    }
    window.setTimeout(poll, 1000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('target-mentions-chart');
    if (canvas) { drawTargetMentions(canvas); }
    var job = document.getElementById('job');
    if (job) { followJob(job); }
  });
})();
