// The evaluation grid posts only the scores the clerk changed: an untouched cell (and the version
// it was shown at) is left out, so that a grid of many units stays a small request. The server
// compares each posted cell with what the page showed either way (results/views/evaluations.py).
document.addEventListener("submit", function (event) {
  if (event.target.id !== "evaluation-form") {
    return;
  }
  event.target.querySelectorAll("input[data-score]").forEach(function (input) {
    if (input.value === input.defaultValue) {
      input.disabled = input.nextElementSibling.disabled = true;
      input.dataset.untouched = "";
    }
  });
});

// Back on this page from the browser's history, the cells left out are editable again.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("input[data-untouched]").forEach(function (input) {
    input.disabled = input.nextElementSibling.disabled = false;
    delete input.dataset.untouched;
  });
});
