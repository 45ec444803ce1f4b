// /register: the group's fields show only for a group (団体).
for (const radio of document.querySelectorAll('input[name=kind]')) {
  radio.addEventListener('change', () => {
    document.getElementById('group-fields').hidden = radio.value !== 'group' || !radio.checked;
  });
}
