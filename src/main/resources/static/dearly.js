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

  // The list item is what is hidden: the stylesheet gives the button itself a display, which would override it.
  var copyItem = share.querySelector('li.copy');
  var copy = copyItem && copyItem.querySelector('button');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copyItem.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = share.dataset.copied;
      }, function () {
        share.querySelector('input').select();
      });
    });
  }
});

// The ask form keeps a draft on this device, so a dropped connection or a closed tab loses
// nothing. It is restored only into an empty form and erased once the question is received.
(function () {
  var KEY = 'dearly-draft-ask';
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) return;
  if (document.querySelector('[data-draft-done]')) { store.removeItem(KEY); return; }
  var form = document.querySelector('form[data-draft="ask"]');
  if (!form) return;
  var skip = { _csrf: true, rows: true };
  var fields = function () {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !skip[el.name] && el.type !== 'submit' && el.type !== 'button';
    });
  };
  var save = function () {
    var draft = {};
    fields().forEach(function (el) {
      if (el.type === 'radio' || el.type === 'checkbox') { if (el.checked) draft[el.name] = el.value; }
      else draft[el.name] = el.value;
    });
    try { store.setItem(KEY, JSON.stringify(draft)); } catch (e) { /* storage full: the server still has the form */ }
  };
  var typed = fields().some(function (el) {
    return (el.type === 'text' || el.tagName === 'TEXTAREA' || el.type === 'email') && el.value;
  });
  var saved = store.getItem(KEY);
  if (saved && !typed) {
    try {
      var draft = JSON.parse(saved);
      fields().forEach(function (el) {
        if (!(el.name in draft) || el.type === 'hidden' && el.name !== 'retry_key') return;
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = draft[el.name] === el.value;
        else el.value = draft[el.name];
      });
      var note = form.querySelector('.draft-note');
      if (note) note.hidden = false;
    } catch (e) { store.removeItem(KEY); }
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
})();

// Copy buttons for a private link: shown only where the browser can copy.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  if (!navigator.clipboard || !window.isSecureContext) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      var status = document.querySelector('.status-copied');
      if (status) status.textContent = button.dataset.copied;
    });
  });
});
