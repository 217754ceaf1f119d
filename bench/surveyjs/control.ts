/**
 * The floor of the measuring method: a plain page (no framework) with four radios, a counter and a text area that
 * update the DOM synchronously. Whatever it measures is the browser's frame timing, not application work.
 */
const root = document.getElementById('root') as HTMLElement;
root.innerHTML = `
  <h1>Control</h1>
  <p id="counter">0 of 4</p>
  <div role="radiogroup" aria-label="Conformity">
    ${['conform', 'partial', 'nonConform', 'notApplicable']
      .map((v) => `<div><input type="radio" name="c" id="c-${v}" value="${v}"><label for="c-${v}">${v}</label></div>`)
      .join('')}
  </div>
  <button type="button" id="clear">Clear</button>
  <textarea id="text" rows="5" cols="60"></textarea>
`;
const counter = document.getElementById('counter') as HTMLElement;
const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const update = () => {
  counter.textContent = `${radios.some((r) => r.checked) ? 1 : 0} of 4`;
};
for (const radio of radios) radio.addEventListener('change', update);
document.getElementById('clear')?.addEventListener('click', () => {
  for (const radio of radios) radio.checked = false;
  update();
});
