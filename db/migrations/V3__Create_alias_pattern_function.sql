-- The rule that says whether a text mentions a target by one of its aliases, as a regular expression.
-- An alias matches as a whole word or phrase (any run of spaces matches any whitespace); a trailing * matches any
-- ending ("Russia*" matches Russian, Russians); an alias without lowercase letters (US, EU, UK) matches
-- case-sensitively, so "us" the pronoun is not the US.
-- codebook.AliasMatcher applies the same rule in Java; AliasMatcherTest keeps the two equal.
CREATE FUNCTION alias_pattern(alias text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT CASE WHEN alias ~ '[[:lower:]]' THEN '(?i)' ELSE '' END
           || '(?<![[:alnum:]_])'
           || regexp_replace(regexp_replace(rtrim(btrim(alias), '*'), '([.^$*+?()\[\]{}|\\])', '\\\1', 'g'),
                             '\s+', '\\s+', 'g')
           || CASE WHEN btrim(alias) LIKE '%*' THEN '[[:alnum:]_]*' ELSE '' END
           || '(?![[:alnum:]_])'
$$;

-- Whether the text mentions any of the aliases.
CREATE FUNCTION mentions_any(text text, aliases text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$
SELECT EXISTS (SELECT 1 FROM unnest(aliases) AS a(alias) WHERE text ~ alias_pattern(a.alias))
$$;
