//! "Keep a backup file updated automatically": where the browser offers it
//! (File System Access, `showSaveFilePicker`: Chromium browsers on computers),
//! the person chooses one file and ThingRisk rewrites it a moment after each
//! change. The browser lets a site write to the file only while the page is
//! open, so the choice lives in memory: after a reload the person is asked
//! to choose the file again (said in plain words on Your data). A failed
//! write (permission taken back, file moved, disk full) turns it off and
//! says so.

use super::backup;
use super::js_call::{call_async, error_name, get, global};
use super::state::{AppState, NoticeKind};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How long after the last change the file is rewritten (one write for a
/// burst of answers).
const DEBOUNCE: Duration = Duration::from_millis(1500);

struct On {
    handle: JsValue,
    /// Owns the effect that follows changes: dropped, it stops.
    _owner: Owner,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static ON: RefCell<Option<On>> = const { RefCell::new(None) };
    /// The chosen file's name while it is on; read by the page.
    static FILE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// The chosen file's name while automatic backup is on. Tracked.
pub fn file_name() -> Option<String> {
    FILE.with(|f| f.get())
}

/// The browser can write to a file the person chooses.
pub fn supported() -> bool {
    get(&global(), "showSaveFilePicker").is_function()
}

async fn write(handle: &JsValue, text: &str) -> Result<(), String> {
    let none = JsValue::UNDEFINED;
    let w = call_async(handle, "createWritable", &none)
        .await
        .map_err(|e| error_name(&e))?;
    call_async(&w, "write", &JsValue::from_str(text))
        .await
        .map_err(|e| error_name(&e))?;
    call_async(&w, "close", &none)
        .await
        .map_err(|e| error_name(&e))?;
    Ok(())
}

fn picker_options() -> JsValue {
    let o = Object::new();
    let json = Object::new();
    let _ = Reflect::set(
        &json,
        &"application/json".into(),
        &js_sys::Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"ThingRisk backup".into());
    let _ = Reflect::set(&kind, &"accept".into(), &json);
    let _ = Reflect::set(&o, &"suggestedName".into(), &"thingrisk-backup.json".into());
    let _ = Reflect::set(&o, &"types".into(), &js_sys::Array::of1(&kind));
    o.into()
}

/// Asks for a file, writes the backup to it and keeps it updated. Returns
/// a message for the person when it could not be turned on (None when it
/// is on, or the person closed the file chooser).
pub async fn turn_on(app: AppState) -> Option<String> {
    let handle = match call_async(&global(), "showSaveFilePicker", &picker_options()).await {
        Ok(h) => h,
        Err(e) if error_name(&e) == "AbortError" => return None,
        Err(_) => {
            return Some(
                "This browser did not let ThingRisk use that file. Try another place, such as \
                 your Documents folder, or save backup files by hand."
                    .into(),
            );
        }
    };
    if let Err(e) = write(&handle, &backup::backup_text(app)).await {
        return Some(failure(&e));
    }
    turn_off();
    app.state.with_untracked(backup::record_backup);
    let mut r = backup::load();
    r.auto_was_on = true;
    backup::store(&r);
    let name = get(&handle, "name").as_string().unwrap_or_default();
    let owner = Owner::new_root(None);
    owner.with(|| {
        Effect::new(move |first: Option<()>| {
            app.state.track();
            if first.is_some() {
                schedule(app);
            }
        });
    });
    ON.with(|on| {
        *on.borrow_mut() = Some(On {
            handle,
            _owner: owner,
            timer: None,
        })
    });
    FILE.with(|f| f.set(Some(name)));
    None
}

/// Stops updating the file (the file itself stays as it is).
pub fn turn_off() {
    if let Some(on) = ON.with(|on| on.borrow_mut().take())
        && let Some(t) = on.timer
    {
        t.clear();
    }
    FILE.with(|f| f.set(None));
    let mut r = backup::load();
    r.auto_was_on = false;
    backup::store(&r);
}

fn schedule(app: AppState) {
    let timer = set_timeout_with_handle(move || rewrite(app), DEBOUNCE).ok();
    ON.with(|on| {
        if let Some(on) = on.borrow_mut().as_mut()
            && let Some(t) = std::mem::replace(&mut on.timer, timer)
        {
            t.clear();
        }
    });
}

fn rewrite(app: AppState) {
    let Some(handle) = ON.with(|on| on.borrow().as_ref().map(|o| o.handle.clone())) else {
        return;
    };
    // Never replace a backup with nothing (all erased here or in another tab).
    if app.state.with_untracked(|s| s.households.is_empty()) {
        return;
    }
    let text = backup::backup_text(app);
    leptos::task::spawn_local(async move {
        match write(&handle, &text).await {
            Ok(()) => app.state.with_untracked(backup::record_backup),
            Err(e) => {
                turn_off();
                app.notify(NoticeKind::Warning, failure(&e));
            }
        }
    });
}

/// Why the file could not be written, and what to do, in plain words.
fn failure(error: &str) -> String {
    let why = match error {
        "NotAllowedError" | "SecurityError" => {
            "ThingRisk is no longer allowed to write to the backup file."
        }
        "NotFoundError" => "The backup file was moved, renamed or deleted.",
        "QuotaExceededError" => "The disk holding the backup file is full.",
        _ => "The backup file could not be written.",
    };
    format!(
        "{why} Automatic backup is now off; your data in this browser is safe. On “Your data”, \
         turn it on again and choose the file, or save a backup file by hand."
    )
}
