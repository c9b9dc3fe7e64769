/* Labels the theme writes in English (Barceloneta's static index.html):
   said in the page's language. */
document.addEventListener("DOMContentLoaded", function () {
  if (document.documentElement.lang !== "vi") {
    return;
  }
  document.querySelectorAll('[aria-label="Close"]').forEach(function (button) {
    button.setAttribute("aria-label", "Đóng");
  });
});
