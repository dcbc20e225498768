// PAL Flow's page behaviour beyond htmx: the CSRF token on every request, and evidence uploads that stream the file
// as the request body (up to 500 MB) with a progress bar, which a form post cannot show.
(function () {
  "use strict";

  function csrf() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    return header && token ? { name: header.content, value: token.content } : null;
  }

  document.body.addEventListener("htmx:configRequest", function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers[token.name] = token.value;
    }
  });

  // A part or the readiness report redrawn by itself must not take the keyboard focus away from the person: an
  // element that had it gets it back in the new content.
  var focusedId = null;
  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var active = document.activeElement;
    focusedId = active && active.id && event.detail.target.contains(active) ? active.id : null;
  });
  document.body.addEventListener("htmx:afterSwap", function () {
    var again = focusedId && document.getElementById(focusedId);
    if (again) {
      again.focus();
    }
    focusedId = null;
  });

  function upload(input) {
    var file = input.files[0];
    if (!file) {
      return;
    }
    var part = document.getElementById(input.getAttribute("data-part-target"));
    var progress = document.getElementById(input.getAttribute("data-progress"));
    var status = document.getElementById(input.getAttribute("data-status"));
    var request = new XMLHttpRequest();
    request.open("PUT", input.getAttribute("data-upload-url") + "?name=" + encodeURIComponent(file.name));
    var token = csrf();
    if (token) {
      request.setRequestHeader(token.name, token.value);
    }
    request.setRequestHeader("Content-Type", "application/octet-stream");
    progress.hidden = false;
    progress.value = 0;
    status.textContent = "Uploading " + file.name + "…";
    request.upload.addEventListener("progress", function (event) {
      if (event.lengthComputable) {
        progress.value = Math.round((event.loaded / event.total) * 100);
      }
    });
    request.addEventListener("load", function () {
      progress.hidden = true;
      // The answer is the part redrawn (with the refusal in it, if refused); anything else leaves the part as it was.
      var answer = document.createElement("template");
      answer.innerHTML = request.responseText;
      var redrawn = answer.content.getElementById(part.id);
      if (redrawn) {
        part.replaceWith(redrawn);
        htmx.process(redrawn);
        var again = document.getElementById(input.id);
        if (again) {
          again.focus();
        }
      }
      var refusal = document.querySelector("#" + part.id + " [data-refusal]");
      if (request.status >= 200 && request.status < 300) {
        status.textContent = file.name + " uploaded.";
        htmx.trigger(document.body, "evidence-changed");
      } else {
        status.textContent = refusal ? refusal.textContent : "The upload of " + file.name + " was refused.";
      }
    });
    request.addEventListener("error", function () {
      progress.hidden = true;
      status.textContent = "The upload of " + file.name + " did not reach PAL Flow; nothing was stored. Try again.";
    });
    request.send(file);
  }

  document.body.addEventListener("change", function (event) {
    if (event.target.matches("input[data-upload-url]")) {
      upload(event.target);
    }
  });
})();
