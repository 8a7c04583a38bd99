/*
 * The lesion tables of the tumour-assessment pages: add and remove rows, give a new row the next free lesion id,
 * show the free-text site only for "other". Everything else (the RECIST rules, the live panel) comes from the server
 * through htmx. Loaded as a file: the pages carry no inline script.
 *
 * Markup contract:
 *   <form data-lesion-form data-taken="T1 NT1">        ids already used outside the tables (earlier new lesions)
 *   <button type="button" data-add-row="TEMPLATE_ID" data-table="TBODY_ID" data-prefix="T">
 *   <template id="TEMPLATE_ID"> one <tr> with an <input type="hidden" data-lesion-id> and "__ID__" placeholders
 *   <button type="button" data-remove-row>               inside a row
 *   <select data-site> ... <input data-site-text>        in the same row; the text is shown for "other" only
 *   <select data-prefix-from data-prefix-map="yes:N,no:T"> a new row's id prefix follows this choice (until saved)
 */
(function () {
  'use strict';

  function usedIds(form) {
    var ids = (form.getAttribute('data-taken') || '').split(/\s+/).filter(Boolean);
    form.querySelectorAll('input[data-lesion-id]').forEach(function (i) {
      ids.push(i.value);
    });
    return ids;
  }

  function nextId(form, prefix) {
    var max = 0;
    var pattern = new RegExp('^' + prefix + '(\\d+)$');
    usedIds(form).forEach(function (id) {
      var m = pattern.exec(id);
      if (m) {
        max = Math.max(max, parseInt(m[1], 10));
      }
    });
    return prefix + (max + 1);
  }

  /** Replaces the placeholder __ID__ in the row's attributes and text with the lesion id. */
  function stamp(row, oldId, newId) {
    row.querySelectorAll('*').forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        if (a.value.indexOf(oldId) >= 0) {
          el.setAttribute(a.name, a.value.split(oldId).join(newId));
        }
      });
      if (el.children.length === 0 && el.textContent.indexOf(oldId) >= 0) {
        el.textContent = el.textContent.split(oldId).join(newId);
      }
    });
    row.querySelectorAll('input[data-lesion-id]').forEach(function (i) {
      i.value = newId;
    });
    row.setAttribute('data-row-id', newId);
  }

  function changed(form) {
    form.dispatchEvent(new Event('change', {bubbles: true}));
  }

  /**
   * Shows the site-in-words input for "other" (and wherever it already holds text, such as a precision sent through
   * the API); a user who moves away from "other" clears it.
   */
  function showSiteText(row, userChange) {
    var site = row.querySelector('select[data-site]');
    var text = row.querySelector('[data-site-text]');
    if (site && text) {
      var input = text.matches('input') ? text : text.querySelector('input');
      var other = site.value === 'other';
      if (!other && userChange && input) {
        input.value = '';
      }
      text.hidden = !other && !(input && input.value);
    }
  }

  function prefixOf(row, fallback) {
    var sel = row.querySelector('select[data-prefix-from]');
    if (!sel) {
      return fallback;
    }
    var map = {};
    (sel.getAttribute('data-prefix-map') || '').split(',').forEach(function (pair) {
      var kv = pair.split(':');
      map[kv[0]] = kv[1];
    });
    return map[sel.value] || fallback;
  }

  document.addEventListener('click', function (e) {
    var add = e.target.closest('[data-add-row]');
    if (add) {
      var form = add.closest('form');
      var template = document.getElementById(add.getAttribute('data-add-row'));
      var body = document.getElementById(add.getAttribute('data-table'));
      var row = template.content.firstElementChild.cloneNode(true);
      row.setAttribute('data-fresh', add.getAttribute('data-prefix'));
      body.appendChild(row);
      stamp(row, '__ID__', nextId(form, prefixOf(row, add.getAttribute('data-prefix'))));
      showSiteText(row, false);
      var first = row.querySelector('select, input:not([type=hidden])');
      if (first) {
        first.focus();
      }
      changed(form);
      return;
    }
    var remove = e.target.closest('[data-remove-row]');
    if (remove) {
      var f = remove.closest('form');
      var tr = remove.closest('tr');
      var next = tr.nextElementSibling || tr.previousElementSibling;
      tr.remove();
      var focus = next ? next.querySelector('[data-remove-row]') : null;
      (focus || f.querySelector('[data-add-row]')).focus();
      changed(f);
    }
  });

  document.addEventListener('change', function (e) {
    var row = e.target.closest('tr');
    if (!row) {
      return;
    }
    if (e.target.matches('select[data-site]')) {
      showSiteText(row, true);
    }
    if (e.target.matches('select[data-prefix-from]') && row.hasAttribute('data-fresh')) {
      var current = row.getAttribute('data-row-id');
      var form = row.closest('form');
      var wanted = prefixOf(row, row.getAttribute('data-fresh'));
      if (current.indexOf(wanted) !== 0 || /\D/.test(current.substring(wanted.length))) {
        row.querySelector('input[data-lesion-id]').value = '';
        stamp(row, current, nextId(form, wanted));
      }
    }
  }, true);

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-lesion-form] tr').forEach(function (row) {
      showSiteText(row, false);
    });
  });
})();
