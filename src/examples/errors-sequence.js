// SERVER is the demo server's address, e.g. ws://localhost:8080
// Three ways to fail, one after the other. Compare what the page is told about each.
function attempt(url) {
  return new Promise((done) => {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (error) {
      console.log(url, '→ thrown:', error.name);
      return done();
    }
    socket.onopen = () => socket.close();
    socket.onerror = (event) => console.log(url, '→ error event of type', event.type, 'with message', event.message);
    socket.onclose = (event) => {
      console.log(url, '→ close', event.code, 'wasClean', event.wasClean);
      done();
    };
  });
}

attempt(`${SERVER}/no-such-endpoint`) // the server answers 404
  .then(() => attempt('ws://127.0.0.1:2/')) // nothing listens there
  .then(() => attempt(SERVER.replace(/^ws/, 'ftp') + '/echo')); // not a WebSocket URL
