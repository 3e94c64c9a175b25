"""Linking: the document structure, the scope resolver and the field deciders
(scheme, measure, comparator, issuer) that read the text through them."""
