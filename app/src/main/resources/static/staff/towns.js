// The towns page: lists /api/towns and adds one by posting the form (code, English name, N03 file).
(() => {
  const list = document.getElementById('towns');
  const form = document.getElementById('add-town');
  const outcome = document.getElementById('outcome');

  /** The CSRF token Spring Security keeps in a cookie, sent back as a header with every change. */
  function csrfHeader() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? { 'X-XSRF-TOKEN': decodeURIComponent(match[1]) } : {};
  }

  function show(state, text) {
    outcome.dataset.state = state;
    outcome.textContent = text;
    outcome.scrollIntoView({ block: 'nearest' });
  }

  async function load() {
    const response = await fetch('/api/towns', { headers: { Accept: 'application/json' } });
    const towns = await response.json();
    list.replaceChildren(...towns.map((town) => {
      const item = document.createElement('li');
      item.dataset.code = town.code;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = town.prefecture + town.name.ja;
      const english = document.createElement('span');
      english.lang = 'en';
      english.textContent = town.name.en;
      const code = document.createElement('span');
      code.className = 'code';
      code.textContent = town.fullCode;
      item.append(name, english, code);
      return item;
    }));
    if (towns.length === 0) {
      const item = document.createElement('li');
      item.className = 'empty';
      item.textContent = 'まだありません。 / None yet.';
      list.append(item);
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    show('working', '読み込んでいます… / Reading the file…');
    try {
      const response = await fetch('/api/towns', {
        method: 'POST', credentials: 'same-origin', body: new FormData(form),
        headers: { Accept: 'application/json', ...csrfHeader() },
      });
      const answer = await response.json();
      if (response.ok) {
        const town = answer.town;
        const done = answer.replaced ? 'の境界を置き換えました' : 'を追加しました';
        show('done', `${town.prefecture}${town.name.ja}（${town.fullCode}）${done}。\n${answer.message}`);
        form.reset();
        await load();
      } else {
        show('refused', answer.message ? `${answer.message.ja}\n${answer.message.en}` : (answer.detail || answer.title));
      }
    } catch (e) {
      show('refused', '送信できませんでした。 / Could not send: ' + e.message);
    } finally {
      button.disabled = false;
    }
  });

  load();
})();
