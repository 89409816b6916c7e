//! The GUI flow tests, one binary: each module drives the real app headless with egui_kittest,
//! finding widgets by their accessible labels. One binary links the app once instead of once
//! per file.
#![cfg(feature = "gui")]

mod common;
#[path = "../support/synth.rs"]
mod synth;

mod a11y;
mod annotate;
mod columns;
mod commands;
mod evidence;
mod export;
mod files;
mod find;
mod first_hour;
mod import;
mod layout;
mod library;
mod paragraphs;
mod polish;
mod safety;
mod suggest;
mod team;
mod verdicts;
mod versions;
