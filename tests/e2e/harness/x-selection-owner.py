#!/usr/bin/env python3
"""Owns the X CLIPBOARD selection with several targets at once, as a desktop app's clipboard
does (xclip can offer only one target per selection). Used by the end-to-end clipboard port to
write a code together with its clipboard-manager markers, so a test can read back both.

Usage: x-selection-owner.py FORMAT=HEXDATA ...   (the text comes on stdin)
Prints "ready" once it owns the selection; exits when another client takes it over (or the
display goes away). Plain Xlib through ctypes: no package beyond libX11, which Xvfb brings.
"""
import ctypes
import ctypes.util
import os
import sys

xlib = ctypes.cdll.LoadLibrary(ctypes.util.find_library('X11') or 'libX11.so.6')
Display_p = ctypes.c_void_p
Window = Atom = Time = ctypes.c_ulong
xlib.XOpenDisplay.restype = Display_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
xlib.XDefaultRootWindow.restype = Window
xlib.XDefaultRootWindow.argtypes = [Display_p]
xlib.XCreateSimpleWindow.restype = Window
xlib.XCreateSimpleWindow.argtypes = [Display_p, Window] + [ctypes.c_int] * 2 + [ctypes.c_uint] * 3 + [ctypes.c_ulong] * 2
xlib.XInternAtom.restype = Atom
xlib.XInternAtom.argtypes = [Display_p, ctypes.c_char_p, ctypes.c_int]
xlib.XSetSelectionOwner.argtypes = [Display_p, Atom, Window, Time]
xlib.XGetSelectionOwner.restype = Window
xlib.XGetSelectionOwner.argtypes = [Display_p, Atom]
xlib.XChangeProperty.argtypes = [Display_p, Window, Atom, Atom, ctypes.c_int, ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
xlib.XSendEvent.argtypes = [Display_p, Window, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
xlib.XNextEvent.argtypes = [Display_p, ctypes.c_void_p]
xlib.XFlush.argtypes = [Display_p]


class SelectionRequest(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', Display_p), ('owner', Window), ('requestor', Window),
                ('selection', Atom), ('target', Atom), ('property', Atom), ('time', Time)]


class SelectionNotify(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', Display_p), ('requestor', Window), ('selection', Atom),
                ('target', Atom), ('property', Atom), ('time', Time)]


class XEvent(ctypes.Union):
    _fields_ = [('type', ctypes.c_int), ('request', SelectionRequest), ('pad', ctypes.c_long * 24)]


SELECTION_CLEAR, SELECTION_REQUEST, SELECTION_NOTIFY = 29, 30, 31
XA_ATOM, PROP_MODE_REPLACE = 4, 0

display = xlib.XOpenDisplay(None)
if not display:
    sys.exit('cannot open display')
atom = lambda name: xlib.XInternAtom(display, name.encode(), 0)
text = sys.stdin.buffer.read()
data = {atom(t): text for t in ('UTF8_STRING', 'STRING', 'TEXT', 'text/plain', 'text/plain;charset=utf-8')}
for arg in sys.argv[1:]:
    name, _, hexdata = arg.partition('=')
    data[atom(name)] = bytes.fromhex(hexdata)
targets_atom, clipboard = atom('TARGETS'), atom('CLIPBOARD')
offered = [targets_atom] + list(data)

window = xlib.XCreateSimpleWindow(display, xlib.XDefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0)
xlib.XSetSelectionOwner(display, clipboard, window, 0)
if xlib.XGetSelectionOwner(display, clipboard) != window:
    sys.exit('could not own the clipboard')
# One write, then let go of stdout: the parent stops reading once it has the line.
try:
    os.write(1, b'ready\n')
    os.close(1)
except OSError:
    pass

event = XEvent()
while True:
    xlib.XNextEvent(display, ctypes.byref(event))
    if event.type == SELECTION_CLEAR:
        break
    if event.type != SELECTION_REQUEST:
        continue
    req = event.request
    prop = req.property or req.target  # obsolete clients pass None
    if req.target == targets_atom:
        array = (Atom * len(offered))(*offered)
        xlib.XChangeProperty(display, req.requestor, prop, XA_ATOM, 32, PROP_MODE_REPLACE, array, len(offered))
    elif req.target in data:
        payload = data[req.target]
        buf = ctypes.create_string_buffer(payload, len(payload))
        xlib.XChangeProperty(display, req.requestor, prop, req.target, 8, PROP_MODE_REPLACE, buf, len(payload))
    else:
        prop = 0  # refused: a target we do not offer
    reply = SelectionNotify(SELECTION_NOTIFY, 0, 1, display, req.requestor, req.selection, req.target, prop, req.time)
    xlib.XSendEvent(display, req.requestor, 0, 0, ctypes.byref(reply))
    xlib.XFlush(display)
