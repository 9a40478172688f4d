/* Material's search is a role="dialog" without a name: give it its field's label, which the
 * theme already renders in the reader's language. */
(function () {
  "use strict";
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var field = document.querySelector('[data-md-component="search-query"]');
  if (dialog && field && !dialog.hasAttribute("aria-label") && field.getAttribute("aria-label")) {
    dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  }
})();
