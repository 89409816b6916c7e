//! The article being read: its view, layout cache, highlights, header, list, find bar and minimap.

pub(crate) mod article_header;
pub(crate) mod article_list;
pub(crate) mod article_view;
pub(crate) mod find;
pub(crate) mod highlight;
pub(crate) mod minimap;
pub(crate) mod view_cache;
