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
