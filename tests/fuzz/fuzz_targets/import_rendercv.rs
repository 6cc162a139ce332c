#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sportello_fuzz::run("import_rendercv", data));
