// Doudi's phone form: a volunteer reports a family in difficulty to the
// county's joint social-assistance center (docs/intake.md has the API).
// Plain ES2017, no framework, no build step, no inline code (the server
// sends Content-Security-Policy: default-src 'self'; img-src 'self' blob: data:).
//
// What the page keeps in localStorage (one phone, one volunteer):
//   doudi.intake.token  the personal token from the link's #t=... fragment
//   doudi.intake.me     the last GET /api/v1/me answer (the form works offline)
//   doudi.intake.draft  every field as typed, its request_id, photos as data URLs
//   doudi.intake.queue  reports that could not be sent, resent with the same
//                       request_id when the phone is online again
//   doudi.intake.mine   the last GET /api/v1/reports answer
'use strict';

(function () {
  var KEY_TOKEN = 'doudi.intake.token';
  var KEY_ME = 'doudi.intake.me';
  var KEY_DRAFT = 'doudi.intake.draft';
  var KEY_QUEUE = 'doudi.intake.queue';
  var KEY_MINE = 'doudi.intake.mine';
  // Photos are kept as data URLs only while they fit in this many characters
  // altogether (localStorage holds about 5 million per site).
  var PHOTO_STORE_CHARS = 4 * 1024 * 1024;
  var RETRY_MS = 30000;
  var TEXT_FIELDS = ['name', 'id_number', 'phone', 'village', 'address', 'description'];
  var FIELD_LABELS = {
    name: '姓名', id_number: '身份证号', phone: '联系电话', village: '村（社区）', address: '地址',
    category: '困难类型', description: '情况说明', urgency: '紧急程度', photo: '照片', consent: '家庭同意'
  };
  var TOKEN_TEXT = {
    'intake.token_missing': ['请用中心发给您的链接打开本页',
      '本页需要您个人的上报链接（链接或二维码），由社会救助联合中心发放。请向中心索取，然后用手机直接打开该链接。'],
    'intake.token_invalid': ['您的上报链接无效',
      '链接可能复制不完整。请向社会救助联合中心重新索取上报链接。'],
    'intake.token_expired': ['您的上报链接已过期',
      '请向社会救助联合中心索取新的上报链接。'],
    'intake.token_revoked': ['您的上报链接已停用',
      '中心已停用这个链接。如需继续上报，请向社会救助联合中心索取新的上报链接。']
  };

  var $ = function (id) { return document.getElementById(id); };
  var form = $('f-name') && $('form');

  var state = {
    token: null,
    me: null,
    requestId: null,
    photos: [],          // {blob, type, size, url, dataUrl|null}
    photosKept: true,
    busy: Promise.resolve(),
    retryTimer: null,
    blocked: false
  };

  // ---------- storage that never throws (private modes, full quota) ----------

  function load(key) {
    try {
      var text = window.localStorage.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch (e) {
      return null;
    }
  }
  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      return false;
    }
  }
  function storeText(key, text) {
    try { window.localStorage.setItem(key, text); return true; } catch (e) { return false; }
  }
  function loadText(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  // ---------- small helpers ----------

  function newRequestId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;  // version 4
    b[8] = (b[8] & 0x3f) | 0x80;  // RFC 4122 variant
    var h = [];
    for (var i = 0; i < 16; i++) h.push((b[i] + 0x100).toString(16).slice(1));
    return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' +
      h.slice(8, 10).join('') + '-' + h.slice(10).join('');
  }

  function chars(s) { return Array.from(s).length; }

  // Full-width digits and letters (０-９, Ｘ) become ASCII; full-width spaces too.
  function halfWidth(s) {
    return s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0B\uFF0D]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xFEE0);
    }).replace(/\u3000/g, ' ');
  }

  function megabytes(bytes) {
    var mb = bytes / (1024 * 1024);
    return (mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10) + '\u00a0MB';
  }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }

  function make(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = text;
    return el;
  }

  // Fills el with the parts separated by " · ", each part kept on one line.
  function joinParts(el, parts) {
    clear(el);
    parts.forEach(function (text, i) {
      if (i) el.appendChild(document.createTextNode(' · '));
      el.appendChild(make('span', 'part', text));
    });
    return el;
  }

  // "2026-12-06T23:59:00+08:00" → "2026-12-06 23:59" (the center's own time, as sent).
  function shortTime(iso) {
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso || '');
    return m ? m[1] + ' ' + m[2] : (iso || '');
  }

  // ---------- the resident ID check (GB 11643-1999, ISO 7064 MOD 11-2) ----------

  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK = '10X98765432';

  function normaliseIdNumber(s) {
    return halfWidth(s).replace(/\s+/g, '').toUpperCase();
  }

  // A Chinese sentence when the (normalised) ID is wrong, else null.
  function idNumberProblem(id) {
    if (id.length !== 18) return '身份证号应为18位，您填了' + id.length + '位。';
    if (!/^\d{17}[\dX]$/.test(id)) return '身份证号前17位应为数字，最后一位为数字或X。';
    var y = +id.slice(6, 10), mo = +id.slice(10, 12), d = +id.slice(12, 14);
    var date = new Date(Date.UTC(y, mo - 1, d));
    if (y < 1800 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
      return '身份证号第7至14位的出生日期不是有效日期，请核对。';
    }
    if (date.getTime() > Date.now()) return '身份证号中的出生日期晚于今天，请核对。';
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i];
    if (ID_CHECK.charAt(sum % 11) !== id.charAt(17)) {
      return '身份证号最后一位与前17位不符，可能有数字填错，请逐位核对。';
    }
    return null;
  }

  // ---------- messages at the fields and in the summary ----------

  function fieldControl(field) {
    if (field === 'category' || field === 'urgency') {
      var radios = form.querySelectorAll('input[name="' + field + '"]');
      for (var i = 0; i < radios.length; i++) if (radios[i].checked) return radios[i];
      return radios[0] || null;
    }
    if (field === 'photo' || field === 'photos') return $('f-photo-camera');
    return $('f-' + field);
  }

  function fieldKey(field) { return field === 'photos' ? 'photo' : field; }

  // The controls that carry a field's message in aria-describedby, and the
  // fieldset (for choices and photos) that is marked invalid with them.
  function controlsOf(field) {
    if (field === 'category' || field === 'urgency') {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + field + '"]'));
    }
    if (field === 'photo') return [$('f-photo-camera'), $('f-photo-album')];
    return [$('f-' + field)];
  }

  function setFieldError(field, message) {
    field = fieldKey(field);
    var err = $('err-' + field);
    if (!err) return false;
    err.textContent = message;
    err.hidden = false;
    controlsOf(field).forEach(function (el) {
      el.setAttribute('aria-invalid', 'true');
      var ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (ids.indexOf(err.id) < 0) ids.push(err.id);
      el.setAttribute('aria-describedby', ids.join(' '));
    });
    var set = $('field-' + field);
    if (set.tagName === 'FIELDSET') set.setAttribute('aria-invalid', 'true');
    return true;
  }

  function clearFieldError(field) {
    field = fieldKey(field);
    var err = $('err-' + field);
    if (!err) return;
    err.hidden = true;
    err.textContent = '';
    controlsOf(field).forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (id) {
        return id && id !== err.id;
      });
      if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
      else el.removeAttribute('aria-describedby');
    });
    $('field-' + field).removeAttribute('aria-invalid');
  }

  function clearAllErrors() {
    Object.keys(FIELD_LABELS).forEach(clearFieldError);
    $('summary').hidden = true;
    clear($('summary-list'));
  }

  // errors: [{field, code, message}] from the server or from the page's checks.
  function showErrors(errors) {
    clearAllErrors();
    var list = $('summary-list');
    var first = null;
    errors.forEach(function (e) {
      var li = make('li');
      var atField = e.field && setFieldError(e.field, e.message);
      if (atField) {
        var a = make('a', null, FIELD_LABELS[fieldKey(e.field)] + '：' + e.message);
        a.href = '#field-' + fieldKey(e.field);
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          var c = fieldControl(e.field);
          if (c) c.focus();
        });
        li.appendChild(a);
        if (!first) first = fieldControl(e.field);
      } else {
        li.textContent = e.message;
      }
      list.appendChild(li);
    });
    $('summary').hidden = false;
    if (first) first.focus();
    else $('summary').focus();
  }

  function showStatus(text, ok) {
    var s = $('status');
    s.textContent = text;
    s.className = ok ? 'status ok' : 'status';
    s.hidden = !text;
  }

  function showBlocked(code) {
    var t = TOKEN_TEXT[code] || TOKEN_TEXT['intake.token_invalid'];
    state.blocked = true;
    $('blocked-title').textContent = t[0];
    $('blocked-text').textContent = t[1];
    $('blocked-kept').hidden = !(load(KEY_QUEUE) || []).length && !hasDraft();
    $('blocked').hidden = false;
    $('loading').hidden = true;
    form.hidden = true;
    $('mine').hidden = true;
    $('done').hidden = true;
    showStatus('');
    $('blocked').focus();
  }

  // ---------- the API ----------

  // Resolves to {status, body, retryAfter}; rejects only when the network failed
  // (or something that is not the server answered, such as a captive portal).
  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + state.token, Accept: 'application/json' };
    return fetch(path, { method: method, headers: headers, body: body, credentials: 'omit', cache: 'no-store' })
      .then(function (r) {
        return r.text().then(function (text) {
          var parsed = null;
          try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
          if (parsed === null || typeof parsed !== 'object') {
            throw new Error('not the intake server (HTTP ' + r.status + ')');
          }
          return { status: r.status, body: parsed, retryAfter: +(r.headers.get('Retry-After') || 0) };
        });
      });
  }

  function firstCode(body) {
    return body && body.errors && body.errors[0] ? body.errors[0].code : '';
  }

  // Runs tasks one at a time: a resend and a new submission never overlap.
  function serial(task) {
    var run = state.busy.then(task, task);
    state.busy = run.catch(function () {});
    return run;
  }

  // ---------- the form ----------

  function radioGroup(container, name, items) {
    clear(container);
    items.forEach(function (item) {
      var label = make('label', 'choice');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = name;
      input.value = item.code;
      input.id = 'f-' + name + '-' + item.code;
      label.appendChild(input);
      label.appendChild(make('span', null, item.text));
      container.appendChild(label);
    });
  }

  function fillChoices(me) {
    var select = $('f-village');
    while (select.options.length > 1) select.remove(1);
    (me.villages || []).forEach(function (v) {
      var o = document.createElement('option');
      o.value = v.code;
      o.textContent = v.name;
      select.appendChild(o);
    });
    if ((me.villages || []).length === 1) select.value = me.villages[0].code;
    radioGroup($('categories'), 'category', me.categories || []);
    radioGroup($('urgencies'), 'urgency', me.urgencies || []);
    var limits = me.limits || {};
    $('hint-photo').textContent = '最多' + (limits.photos || 3) + '张，JPG或PNG格式，每张不超过' +
      megabytes(limits.photo_bytes || 5242880) + '。照片只用于核实情况。';
    var r = me.reporter || {};
    var parts = [r.name, r.region && r.region.name, r.expires_at && '链接有效期至' + r.expires_at].filter(Boolean);
    joinParts($('reporter'), parts);
    $('reporter').hidden = !parts.length;
  }

  function limitPhotos() { return (state.me && state.me.limits && state.me.limits.photos) || 3; }
  function limitPhotoBytes() { return (state.me && state.me.limits && state.me.limits.photo_bytes) || 5242880; }

  function checkedValue(name) {
    var el = form.querySelector('input[name="' + name + '"]:checked');
    return el ? el.value : '';
  }

  function setChecked(name, value) {
    var radios = form.querySelectorAll('input[name="' + name + '"]');
    for (var i = 0; i < radios.length; i++) radios[i].checked = radios[i].value === value;
  }

  function readFields() {
    var f = {};
    TEXT_FIELDS.forEach(function (k) { f[k] = $('f-' + k).value; });
    f.category = checkedValue('category');
    f.urgency = checkedValue('urgency');
    f.consent = $('f-consent').checked;
    return f;
  }

  function writeFields(f) {
    TEXT_FIELDS.forEach(function (k) {
      var el = $('f-' + k);
      var value = typeof f[k] === 'string' ? f[k] : '';
      if (k === 'village' && value && !el.querySelector('option[value="' + value + '"]')) value = '';
      if (k === 'village' && !value && el.options.length === 2) value = el.options[1].value;
      el.value = value;
    });
    setChecked('category', f.category || '');
    setChecked('urgency', f.urgency || defaultUrgency());
    $('f-consent').checked = !!f.consent;
    updateCount();
  }

  function defaultUrgency() {
    var u = (state.me && state.me.urgencies) || [];
    return u.length ? u[0].code : '';
  }

  // The fields as the server takes them: trimmed, half-width, empty optional ones left out.
  function cleanFields(f) {
    var out = {
      name: f.name.trim(),
      id_number: normaliseIdNumber(f.id_number),
      phone: halfWidth(f.phone).trim(),
      village: f.village,
      address: f.address.trim(),
      category: f.category,
      description: f.description.trim(),
      urgency: f.urgency,
      consent: !!f.consent
    };
    return out;
  }

  function checkFields(c) {
    var errors = [];
    function add(field, message) { errors.push({ field: field, code: 'page', message: message }); }
    if (!c.name) add('name', '请填写姓名。');
    else if (chars(c.name) > 50) add('name', '姓名最多50个字。');
    if (c.id_number) {
      var p = idNumberProblem(c.id_number);
      if (p) add('id_number', p);
    }
    if (c.phone && !/^[0-9+ -]{5,20}$/.test(c.phone)) {
      add('phone', '联系电话应为5至20位数字，可以含 +、- 和空格。');
    }
    if (!c.village) add('village', '请选择村（社区）。');
    if (chars(c.address) > 200) add('address', '地址最多200个字。');
    if (!c.category) add('category', '请选择困难类型。');
    if (!c.description) add('description', '请简要说明家庭的困难情况。');
    else if (chars(c.description) > 2000) add('description', '情况说明最多2000个字。');
    if (!c.urgency) add('urgency', '请选择紧急程度。');
    if (state.photos.length > limitPhotos()) add('photo', '最多' + limitPhotos() + '张照片。');
    if (!c.consent) add('consent', '请先征得这户家庭同意，并勾选“家庭同意上报”。');
    return errors;
  }

  // One field checked when the volunteer leaves it (only the fields with rules of their own).
  function checkOne(field) {
    var c = cleanFields(readFields());
    if (field === 'id_number' && c.id_number !== $('f-id_number').value) $('f-id_number').value = c.id_number;
    if (field === 'phone' && c.phone !== $('f-phone').value) $('f-phone').value = c.phone;
    var found = checkFields(c).filter(function (e) { return e.field === field; });
    var optional = { id_number: 1, phone: 1, address: 1 };
    if (found.length && (optional[field] || $('err-' + field).hidden === false)) {
      setFieldError(field, found[0].message);
    } else if (!found.length) {
      clearFieldError(field);
    }
  }

  function updateCount() {
    var n = chars($('f-description').value);
    $('description-count').textContent = n ? '（已写' + n + '/2000字）' : '';
  }

  // ---------- photos ----------

  function dataUrlToBlob(dataUrl) {
    var m = /^data:([^;,]+);base64,(.*)$/.exec(dataUrl);
    if (!m) return null;
    var bin = atob(m[2]);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type: m[1] });
  }

  function readDataUrl(blob) {
    return new Promise(function (resolve) {
      var r = new FileReader();
      r.onload = function () { resolve(typeof r.result === 'string' ? r.result : null); };
      r.onerror = function () { resolve(null); };
      r.readAsDataURL(blob);
    });
  }

  function renderPhotos() {
    var ul = $('thumbs');
    clear(ul);
    state.photos.forEach(function (p, i) {
      var li = make('li');
      var img = document.createElement('img');
      img.src = p.url;
      img.alt = '照片' + (i + 1);
      li.appendChild(img);
      var del = make('button', 'button button-secondary button-small', '删除');
      del.type = 'button';
      del.setAttribute('aria-label', '删除照片' + (i + 1));
      del.addEventListener('click', function () { removePhoto(i); });
      li.appendChild(del);
      ul.appendChild(li);
    });
    var full = state.photos.length >= limitPhotos();
    $('f-photo-camera').disabled = full;
    $('f-photo-album').disabled = full;
    $('photo-buttons').hidden = full;
    $('photo-not-kept').hidden = state.photosKept || !state.photos.length;
    $('photo-not-kept').textContent = '照片较大，未能保存在本机：如果关闭本页，需要重新添加照片。';
  }

  function removePhoto(i) {
    var p = state.photos.splice(i, 1)[0];
    if (p) URL.revokeObjectURL(p.url);
    clearFieldError('photo');
    renderPhotos();
    saveDraft();
    var buttons = $('thumbs').querySelectorAll('button');
    if (buttons.length) buttons[Math.min(i, buttons.length - 1)].focus();
    else $('f-photo-camera').focus();
  }

  function addPhotos(input) {
    var files = Array.prototype.slice.call(input.files || []);
    input.value = '';
    if (!files.length) return;
    var problems = [];
    var room = limitPhotos() - state.photos.length;
    var accepted = [];
    files.forEach(function (file) {
      if (file.type !== 'image/jpeg' && file.type !== 'image/png') {
        problems.push('“' + file.name + '”不是JPG或PNG照片。');
      } else if (file.size > limitPhotoBytes()) {
        problems.push('“' + file.name + '”有' + megabytes(file.size) + '，每张照片不能超过' +
          megabytes(limitPhotoBytes()) + '。');
      } else if (accepted.length >= room) {
        problems.push('最多' + limitPhotos() + '张照片，“' + file.name + '”没有加入。');
      } else {
        accepted.push(file);
      }
    });
    Promise.all(accepted.map(function (file) {
      return readDataUrl(file).then(function (dataUrl) {
        return { blob: file, type: file.type, size: file.size, url: URL.createObjectURL(file), dataUrl: dataUrl };
      });
    })).then(function (added) {
      state.photos = state.photos.concat(added);
      if (problems.length) setFieldError('photo', problems.join(''));
      else clearFieldError('photo');
      renderPhotos();
      saveDraft();
    });
  }

  function photosForStorage(photos) {
    var total = 0;
    var out = [];
    for (var i = 0; i < photos.length; i++) {
      if (!photos[i].dataUrl) return null;
      total += photos[i].dataUrl.length;
      if (total > PHOTO_STORE_CHARS) return null;
      out.push({ type: photos[i].type, data: photos[i].dataUrl });
    }
    return out;
  }

  function photosFromStorage(list) {
    var out = [];
    (list || []).forEach(function (s) {
      var blob = dataUrlToBlob(s.data);
      if (blob) out.push({ blob: blob, type: s.type, size: blob.size, url: URL.createObjectURL(blob), dataUrl: s.data });
    });
    return out;
  }

  // ---------- the draft ----------

  function hasDraft() {
    var d = load(KEY_DRAFT);
    if (!d || !d.fields) return false;
    var f = d.fields;
    return !!(f.name || f.id_number || f.phone || f.address || f.description || f.category || f.consent ||
      (d.photos && d.photos.length));
  }

  var draftTimer = null;
  function saveDraftSoon() {
    if (draftTimer) clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 250);
  }

  function saveDraft() {
    if (draftTimer) { clearTimeout(draftTimer); draftTimer = null; }
    var draft = { request_id: state.requestId, fields: readFields(), photos: [], photos_dropped: false };
    var photos = photosForStorage(state.photos);
    var kept = false;
    if (photos) {
      draft.photos = photos;
      kept = storeText(KEY_DRAFT, JSON.stringify(draft));
    }
    if (!kept) {
      draft.photos = [];
      draft.photos_dropped = state.photos.length > 0;
      store(KEY_DRAFT, draft);
    }
    state.photosKept = kept || !state.photos.length;
    $('photo-not-kept').hidden = state.photosKept || !state.photos.length;
  }

  function restoreDraft() {
    var d = load(KEY_DRAFT);
    state.requestId = (d && d.request_id) || newRequestId();
    if (!d || !d.fields) { writeFields({}); return; }
    writeFields(d.fields);
    state.photos = photosFromStorage(d.photos);
    renderPhotos();
    if (d.photos_dropped) {
      showStatus('上次填写的内容已恢复；照片当时太大，未能保存，请重新添加。');
    }
  }

  function resetForm() {
    var village = $('f-village').value;
    state.photos.forEach(function (p) { URL.revokeObjectURL(p.url); });
    state.photos = [];
    state.photosKept = true;
    state.requestId = newRequestId();
    writeFields({ village: village });
    clearAllErrors();
    renderPhotos();
    saveDraft();
  }

  // ---------- sending ----------

  // entry: {request_id, fields (cleaned), photos: [{blob, type}]}
  function formData(entry) {
    var fd = new FormData();
    var f = entry.fields;
    fd.append('request_id', entry.request_id);
    ['name', 'id_number', 'phone', 'village', 'address', 'category', 'description', 'urgency'].forEach(function (k) {
      if (f[k]) fd.append(k, f[k]);
    });
    if (f.consent) fd.append('consent', '1');
    entry.photos.forEach(function (p, i) {
      fd.append('photo', p.blob, 'photo' + (i + 1) + (p.type === 'image/png' ? '.png' : '.jpg'));
    });
    return fd;
  }

  // Resolves to 'sent' (report in result.report), 'errors', 'blocked', 'later'
  // (network or server trouble: worth sending again), with the server's body.
  function send(entry) {
    return api('POST', '/api/v1/reports', formData(entry)).then(function (r) {
      if (r.status === 200 || r.status === 201) return { outcome: 'sent', body: r.body };
      if (r.status === 401) return { outcome: 'blocked', body: r.body };
      if (r.status === 429 || r.status >= 500) return { outcome: 'later', body: r.body, retryAfter: r.retryAfter, status: r.status };
      return { outcome: 'errors', body: r.body, status: r.status };
    }, function () {
      return { outcome: 'later', network: true };
    });
  }

  function laterText(result) {
    if (result.network) return '已保存，联网后自动发送。';
    if (result.status === 429) {
      return '已保存；发送过于频繁，' + (result.retryAfter ? result.retryAfter + '秒后' : '稍后') + '自动发送。';
    }
    return '已保存；中心系统暂时无法接收，稍后自动发送。';
  }

  // ---------- the queue of reports waiting for the network ----------

  var queuePhotos = {};  // request_id → photos held in memory when they could not be stored

  function queueList() { return load(KEY_QUEUE) || []; }

  function enqueue(entry) {
    var q = queueList().filter(function (e) { return e.request_id !== entry.request_id; });
    var stored = photosForStorage(entry.photos);
    var item = { request_id: entry.request_id, fields: entry.fields, photos: stored || [],
      photos_dropped: !stored && entry.photos.length > 0, queued_at: new Date().toISOString() };
    q.push(item);
    if (!store(KEY_QUEUE, q)) {
      item.photos = [];
      item.photos_dropped = entry.photos.length > 0;
      store(KEY_QUEUE, q);
    }
    if (item.photos_dropped) queuePhotos[entry.request_id] = entry.photos;
    return item;
  }

  function dequeue(requestId) {
    store(KEY_QUEUE, queueList().filter(function (e) { return e.request_id !== requestId; }));
    delete queuePhotos[requestId];
  }

  function markQueued(requestId, problem) {
    var q = queueList();
    q.forEach(function (e) { if (e.request_id === requestId) e.problem = problem; });
    store(KEY_QUEUE, q);
  }

  function scheduleRetry(ms) {
    if (state.retryTimer) clearTimeout(state.retryTimer);
    state.retryTimer = setTimeout(function () { state.retryTimer = null; flushQueue(); }, ms || RETRY_MS);
  }

  function errorText(body) {
    return ((body && body.errors) || []).map(function (e) {
      return (e.field && FIELD_LABELS[fieldKey(e.field)] ? FIELD_LABELS[fieldKey(e.field)] + '：' : '') + e.message;
    }).join(' ');
  }

  // Sends the queued reports, oldest first, each with its own request_id.
  function flushQueue() {
    return serial(function () {
      if (!state.token || state.blocked) return null;
      var pending = queueList().filter(function (e) { return !e.problem; });
      if (!pending.length) return null;
      var sent = 0;
      var step = function (i) {
        if (i >= pending.length) return Promise.resolve('done');
        var e = pending[i];
        var photos = queuePhotos[e.request_id] || photosFromStorage(e.photos);
        return send({ request_id: e.request_id, fields: e.fields, photos: photos }).then(function (r) {
          if (r.outcome === 'sent') {
            dequeue(e.request_id);
            sent++;
            return step(i + 1);
          }
          if (r.outcome === 'blocked') { showBlocked(firstCode(r.body)); return 'blocked'; }
          if (r.outcome === 'later') {
            scheduleRetry(r.retryAfter ? r.retryAfter * 1000 : RETRY_MS);
            return 'later';
          }
          markQueued(e.request_id, errorText(r.body) || '中心未接收这份上报。');
          return step(i + 1);
        });
      };
      return step(0).then(function (how) {
        if (sent) {
          showStatus(sent === 1 ? '保存的上报已发送。' : '保存的' + sent + '份上报已发送。', true);
        }
        renderMine(load(KEY_MINE));
        if (sent) return refreshMine();
        return null;
      });
    });
  }

  // ---------- submitting the form ----------

  function submit(ev) {
    ev.preventDefault();
    if (draftTimer) saveDraft();
    var fields = cleanFields(readFields());
    $('f-id_number').value = fields.id_number;
    $('f-phone').value = fields.phone;
    var problems = checkFields(fields);
    if (problems.length) { showErrors(problems); return; }
    clearAllErrors();
    var entry = { request_id: state.requestId, fields: fields, photos: state.photos.slice() };
    var button = $('submit');
    button.disabled = true;
    button.textContent = '正在发送……';
    showStatus('');
    serial(function () {
      return send(entry).then(function (r) {
        if (r.outcome === 'sent') {
          var rep = r.body.report || {};
          var text = '编号 ' + rep.id + '，' + shortTime(rep.received_at) + ' 收到' +
            (rep.photos ? '，照片' + rep.photos + '张' : '') + '。中心会尽快核实处理，您可以在下面“我上报的”里查看进展。';
          resetForm();
          $('done-text').textContent = text;
          $('done').hidden = false;
          form.hidden = true;
          $('done').focus();
          return refreshMine();
        }
        if (r.outcome === 'blocked') { showBlocked(firstCode(r.body)); return null; }
        if (r.outcome === 'later') {
          var item = enqueue(entry);
          resetForm();
          var text2 = entry.fields.name + '的上报' + laterText(r) + '您可以继续填写下一户。';
          if (item.photos_dropped) {
            text2 += '照片太大，未能保存在本机：请不要关闭本页，否则这份上报将不带照片发送。';
          }
          showStatus(text2);
          renderMine(load(KEY_MINE));
          scheduleRetry(r.retryAfter ? r.retryAfter * 1000 : RETRY_MS);
          $('status').scrollIntoView({ block: 'nearest' });
          return null;
        }
        var errors = (r.body && r.body.errors) || [];
        if (!errors.length) errors = [{ field: null, code: '', message: '中心未接收这份上报（HTTP ' + r.status + '）。' }];
        showErrors(errors);
        return null;
      });
    }).then(finish, finish);
    function finish() {
      button.disabled = false;
      button.textContent = '提交上报';
    }
  }

  // ---------- 我上报的 ----------

  var STATE_CLASS = { received: 'state', handling: 'state state-handling', closed: 'state state-closed' };

  function mineItem(name, details, stateText, stateClass, problem) {
    var li = make('li');
    li.appendChild(make('span', 'who', name));
    li.appendChild(make('span', stateClass, stateText));
    li.appendChild(joinParts(make('span', 'when'), details.filter(Boolean)));
    if (problem) li.appendChild(make('span', 'problem', problem));
    return li;
  }

  function categoryText(code) {
    var c = ((state.me && state.me.categories) || []).filter(function (x) { return x.code === code; })[0];
    return c ? c.text : '';
  }

  function renderMine(data, note) {
    var ul = $('mine-list');
    clear(ul);
    queueList().forEach(function (e) {
      var li = mineItem(e.fields.name, [categoryText(e.fields.category), '保存于 ' + shortLocal(e.queued_at)],
        e.problem ? '未能发送' : '待发送',
        e.problem ? 'state state-failed' : 'state state-queued', e.problem || '');
      if (e.problem) {
        var edit = make('button', 'button button-secondary button-small', '放回表单修改');
        edit.type = 'button';
        edit.addEventListener('click', function () { editQueued(e.request_id); });
        li.appendChild(edit);
      }
      ul.appendChild(li);
    });
    var reports = (data && data.reports) || [];
    reports.forEach(function (r) {
      ul.appendChild(mineItem(r.name, [r.category_text, shortTime(r.received_at), '编号 ' + r.id],
        r.state_text, STATE_CLASS[r.state] || 'state'));
    });
    $('mine-empty').hidden = ul.children.length > 0;
    $('mine-note').textContent = note || '';
    $('mine-note').hidden = !note;
  }

  function shortLocal(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return '';
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes());
  }

  // A queued report the center refused goes back into the form to be corrected.
  function editQueued(requestId) {
    if (hasDraft() && !window.confirm('表单里正在填写的内容将被替换，确定吗？')) return;
    var e = queueList().filter(function (x) { return x.request_id === requestId; })[0];
    if (!e) return;
    var photos = queuePhotos[requestId] || photosFromStorage(e.photos);
    dequeue(requestId);
    state.photos.forEach(function (p) { URL.revokeObjectURL(p.url); });
    state.photos = photos;
    state.requestId = e.request_id;
    writeFields(e.fields);
    renderPhotos();
    saveDraft();
    $('done').hidden = true;
    form.hidden = false;
    renderMine(load(KEY_MINE));
    $('f-name').focus();
    form.requestSubmit ? form.requestSubmit() : submit({ preventDefault: function () {} });
  }

  function refreshMine() {
    var button = $('refresh');
    button.disabled = true;
    return api('GET', '/api/v1/reports').then(function (r) {
      if (r.status === 200) {
        store(KEY_MINE, r.body);
        renderMine(r.body);
      } else if (r.status === 401) {
        showBlocked(firstCode(r.body));
      } else {
        renderMine(load(KEY_MINE), '暂时无法读取上报进展，请稍后刷新。');
      }
    }, function () {
      renderMine(load(KEY_MINE), '无法连接中心，这里显示的是上次读取的结果。');
    }).then(function () { button.disabled = false; });
  }

  // ---------- start ----------

  function takeTokenFromLink() {
    var m = /(?:^#|&)t=([^&]+)/.exec(window.location.hash || '');
    if (!m) return;
    var token = decodeURIComponent(m[1]);
    if (loadText(KEY_TOKEN) !== token) {
      store(KEY_ME, null);
      store(KEY_MINE, null);
    }
    storeText(KEY_TOKEN, token);
    state.token = token;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    } else {
      window.location.hash = '';
    }
  }

  function showForm(me) {
    state.me = me;
    fillChoices(me);
    restoreDraft();
    $('loading').hidden = true;
    form.hidden = false;
    $('mine').hidden = false;
  }

  function wire() {
    form.addEventListener('input', function (ev) {
      if (ev.target.id === 'f-description') updateCount();
      var name = ev.target.name;
      if (name && $('err-' + name) && !$('err-' + name).hidden && (name === 'category' || name === 'urgency' ||
          name === 'consent' || name === 'village')) {
        clearFieldError(name);
      }
      saveDraftSoon();
    });
    form.addEventListener('change', function (ev) {
      var name = ev.target.name;
      if (name === 'category' || name === 'urgency' || name === 'consent' || name === 'village') {
        if (!$('err-' + name).hidden) checkOne(name);
      }
      saveDraftSoon();
    });
    ['name', 'id_number', 'phone', 'address', 'description'].forEach(function (k) {
      $('f-' + k).addEventListener('blur', function () { checkOne(k); saveDraftSoon(); });
    });
    $('f-photo-camera').addEventListener('change', function () { addPhotos($('f-photo-camera')); });
    $('f-photo-album').addEventListener('change', function () { addPhotos($('f-photo-album')); });
    form.addEventListener('submit', submit);
    $('clear').addEventListener('click', function () {
      if (!window.confirm('清空表单里填写的全部内容吗？')) return;
      resetForm();
      showStatus('');
      $('f-name').focus();
    });
    $('done-next').addEventListener('click', function () {
      $('done').hidden = true;
      form.hidden = false;
      showStatus('');
      $('f-name').focus();
    });
    $('refresh').addEventListener('click', function () {
      flushQueue().then(function () { return refreshMine(); });
    });
    window.addEventListener('online', function () { flushQueue(); });
    window.addEventListener('pagehide', function () { if (draftTimer) saveDraft(); });
  }

  function start() {
    // A new link opened in the tab that shows the page changes only the fragment.
    window.addEventListener('hashchange', function () {
      if (/(?:^#|&)t=/.test(window.location.hash)) window.location.reload();
    });
    takeTokenFromLink();
    state.token = state.token || loadText(KEY_TOKEN);
    if (!state.token) { showBlocked('intake.token_missing'); return; }
    wire();
    api('GET', '/api/v1/me').then(function (r) {
      if (r.status === 200) {
        store(KEY_ME, r.body);
        showForm(r.body);
        renderMine(load(KEY_MINE));
        return flushQueue().then(refreshMine);
      }
      if (r.status === 401) { showBlocked(firstCode(r.body)); return null; }
      return offlineStart('中心系统暂时无法连接（' + (errorText(r.body) || 'HTTP ' + r.status) + '）。');
    }, function () {
      return offlineStart('无法连接中心。');
    });
  }

  // Without the network the form still works from the last /me answer.
  function offlineStart(why) {
    var me = load(KEY_ME);
    if (!me) {
      $('loading').textContent = why + '请联网后刷新本页。';
      return;
    }
    showForm(me);
    renderMine(load(KEY_MINE), '无法连接中心，这里显示的是上次读取的结果。');
    showStatus(why + '您可以照常填写，提交后会保存在本机，联网后自动发送。');
    scheduleRetry(RETRY_MS);
  }

  if (form) start();
})();
