// A search box that narrows a long table or list as one types:
//   <input type="search" data-filter-target="#ranking" data-filter-count="#ranking-shown">
// A row (tbody tr, or li of a list) stays when its text holds every word typed; a row may name
// the text it is found by in data-filter-text (the users table, whose role pickers would match
// every role). A list item stays while one of its sub-items matches, so a unit tree keeps the
// path to each match. The count element, if named, says how many rows are shown.
document.addEventListener("input", function (event) {
  var box = event.target.closest("[data-filter-target]");
  var target = box && document.querySelector(box.dataset.filterTarget);
  if (!target) {
    return;
  }
  var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  var rows = target.querySelectorAll("tbody tr, li");
  var shown = 0;
  rows.forEach(function (row) {
    var text = (row.dataset.filterText || row.textContent).toLowerCase();
    var keep = words.every(function (word) {
      return text.indexOf(word) >= 0;
    });
    row.hidden = !keep;
    shown += keep ? 1 : 0;
  });
  var count = box.dataset.filterCount && document.querySelector(box.dataset.filterCount);
  if (count) {
    count.textContent = words.length ? "显示 " + shown + " / " + rows.length : "";
  }
});
