// A two-tone chime (ピンポン) made with WebAudio, so the board needs no sound file. Browsers start
// audio only after a person has pressed something on the page: the board's "sound on" button.
let context = null;

export function chime() {
  const AudioContext = window.AudioContext || window.webkitAudioContext;
  if (!AudioContext) return;
  context = context || new AudioContext();
  if (context.state === 'suspended') context.resume();
  const start = context.currentTime;
  [[880, 0], [659, 0.45]].forEach(([frequency, offset]) => {
    const tone = context.createOscillator();
    const volume = context.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, start + offset);
    volume.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.9);
    tone.connect(volume).connect(context.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 1);
  });
}
