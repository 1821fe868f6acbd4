// Progressive enhancement for the share control: the phone's own share sheet where the browser has
// the Web Share API, a copy-link button where it has a clipboard; plain links otherwise.
document.querySelectorAll('details.share').forEach(function (share) {
  var url = share.dataset.shareUrl;
  var title = share.dataset.shareTitle;
  var status = share.querySelector('.status');
  var summary = share.querySelector('summary');

  if (navigator.share) {
    summary.addEventListener('click', function (event) {
      event.preventDefault();
      navigator.share({ title: title, url: url }).catch(function () { share.open = true; });
    });
  }

  var copy = share.querySelector('button.copy');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = share.dataset.copied;
      }, function () {
        share.querySelector('input').select();
      });
    });
  }
});
