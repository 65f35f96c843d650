//! JSON pointer → byte span index of a bundle's text, built only when rendering.
