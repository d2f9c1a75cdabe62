// Buttons that delete, lock or disable something ask first: data-confirm holds the question.
// Caught while the click travels down to the button, before htmx or the form sees it, so that one
// attribute serves plain forms and htmx buttons alike; a "no" sends nothing.
document.addEventListener(
  "click",
  function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !button.disabled && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  true
);
