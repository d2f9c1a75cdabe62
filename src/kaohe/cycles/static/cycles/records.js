// The records grid: picking an indicator switches to it; Enter in any cell saves its row.
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) {
    event.target.form.submit();
  }
});
