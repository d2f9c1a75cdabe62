// The records grid: picking an indicator switches to it; Enter in any cell saves its row.
// Rows are saved by htmx (records.html): the answer replaces the row, with its message.
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) {
    event.target.form.submit();
  }
});

// htmx swaps nothing on an error status (a refused permission, a server fault): say so in the row.
document.addEventListener("htmx:responseError", function (event) {
  var cell = event.detail.elt.closest("td");
  if (!cell) {
    return;
  }
  var note = cell.querySelector("[role=status]") || document.createElement("div");
  note.setAttribute("role", "status");
  note.className = "small mt-1 text-danger";
  note.textContent = event.detail.xhr.status === 403 ? "未保存：您无权修改该记录" : "未保存：服务器出错，请稍后再试";
  cell.appendChild(note);
});

// A record added or deleted in place (the answer's HX-Trigger): the count above the grid follows.
document.addEventListener("recordsCounted", function (event) {
  var count = document.querySelector("[data-testid=records-count]");
  if (!count) {
    return;
  }
  count.textContent = count.textContent.replace(/共 (\d+) 条记录/, function (_, total) {
    return "共 " + Math.max(0, parseInt(total, 10) + event.detail.value) + " 条记录";
  });
});
