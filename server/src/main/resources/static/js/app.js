// Behaviour of the web pages, kept out of the HTML so that the Content-Security-Policy can forbid inline script.
// Links marked data-action="back" go back one page (the error pages' "Go back").
document.addEventListener('click', function (e) {
  var link = e.target.closest ? e.target.closest('a[data-action="back"]') : null;
  if (link) {
    e.preventDefault();
    history.back();
  }
});
